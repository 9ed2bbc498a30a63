package io.creditflow.payments.reconciliation;

import io.creditflow.payments.matching.Reason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Says a proposal's reasons in the reader's language, as sentences (message keys {@code reason.<code>}). */
@Component
public class Explanations {

    private final MessageSource messages;

    Explanations(MessageSource messages) {
        this.messages = messages;
    }

    public String explain(List<Reason> reasons, Locale locale) {
        StringBuilder text = new StringBuilder();
        for (Reason reason : reasons) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(messages.getMessage("reason." + reason.code(), reason.args().toArray(),
                    reason.code() + " " + reason.args(), locale));
        }
        return text.toString();
    }
}
