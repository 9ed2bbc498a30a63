package io.creditflow.acceptance;

import io.creditflow.acceptance.policy.Evaluation.ReasonCode;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reason texts in Dutch and English from {@code i18n/acceptance*.properties} ({@code reason.<CODE>}), with named
 * placeholders ({@code {available}}) filled from the reason's parameters. A policy's own rule code without a bundled
 * text uses the text the policy gives for it, else the code.
 */
@Component
class ReasonTexts {

    private static final Locale DUTCH = Locale.of("nl");

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    List<Reason> render(List<ReasonCode> codes, String language) {
        List<Reason> reasons = new ArrayList<>(codes.size());
        for (ReasonCode code : codes) {
            reasons.add(new Reason(code.code(), text(code, language), code.params()));
        }
        return reasons;
    }

    String text(ReasonCode code, String language) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : DUTCH;
        String template;
        try {
            template = messages.getMessage("reason." + code.code(), null, locale);
        } catch (NoSuchMessageException e) {
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
}
