package io.creditflow.dunning;

import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;

/**
 * Flows in and out as JSON or YAML. Unknown fields are refused (a typo like "ofset" would otherwise silently change a
 * flow), and a parse error names the line and column.
 */
public final class FlowFormat {

    public enum Kind { JSON, YAML }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private FlowFormat() {
    }

    /** JSON when it starts with '{', YAML otherwise. */
    public static Kind detect(String text) {
        return text.stripLeading().startsWith("{") ? Kind.JSON : Kind.YAML;
    }

    public static FlowDefinition parse(String text) {
        return parse(text, detect(text));
    }

    public static FlowDefinition parse(String text, Kind kind) {
        try {
            FlowDefinition flow = (kind == Kind.JSON ? JSON : YAML).readValue(text, FlowDefinition.class);
            if (flow == null) {
                throw new ValidationException("The flow is empty.", List.of(new FieldError("flow", "empty")));
            }
            return flow;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
                // the parser reports where it stopped (after the value); the reader wants the line of the name
                int line = lineOf(text, String.valueOf(unknown.getPropertyName()));
                where = line > 0 ? "line " + line + ": " : where;
            }
            String path = e.getPathReference() == null ? "flow" : e.getPathReference();
            throw new ValidationException("The flow cannot be read as " + kind + ".",
                    List.of(new FieldError(path, where + e.getOriginalMessage())));
        }
    }

    private static int lineOf(String text, String property) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(property + ":") || l.startsWith("- " + property + ":") || l.contains("\"" + property + "\"")) {
                return i + 1;
            }
        }
        return 0;
    }

    public static String write(FlowDefinition flow, Kind kind) {
        return kind == Kind.JSON ? JSON.writeValueAsString(flow) : YAML.writeValueAsString(flow);
    }
}
