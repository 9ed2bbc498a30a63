package io.creditflow.acceptance;

import io.creditflow.acceptance.policy.Evaluation.ReasonCode;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reason texts in Dutch and English from {@code i18n/acceptance*.properties} ({@code reason.<CODE>}), with named
 * placeholders ({@code {available}}) filled from the reason's parameters. A policy's own rule code without a bundled
 * text uses the text the policy gives for it, else the code. The texts are read once into maps: a check renders
 * several reasons, and the console's MessageSource, which searches every module's bundle for every code, measurably
 * slowed the hot path.
 */
@Component
class ReasonTexts {

    private final Map<String, String> english;
    private final Map<String, String> dutch;

    ReasonTexts() {
        this.english = load("/i18n/acceptance.properties");
        this.dutch = load("/i18n/acceptance_nl.properties");
    }

    List<Reason> render(List<ReasonCode> codes, String language) {
        List<Reason> reasons = new ArrayList<>(codes.size());
        for (ReasonCode code : codes) {
            reasons.add(new Reason(code.code(), text(code, language), code.params()));
        }
        return reasons;
    }

    String text(ReasonCode code, String language) {
        String template = ("en".equals(language) ? english : dutch).get("reason." + code.code());
        if (template == null) {
            template = code.text().getOrDefault(language, code.text().getOrDefault("en", code.code()));
        }
        return fill(template, code.params());
    }

    private static String fill(String template, Map<String, String> params) {
        if (params.isEmpty() || template.indexOf('{') < 0) {
            return template;
        }
        String text = template;
        for (Map.Entry<String, String> p : params.entrySet()) {
            text = text.replace("{" + p.getKey() + "}", p.getValue());
        }
        return text;
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = ReasonTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
