package io.creditflow.dunning;

import io.creditflow.messaging.Tone;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dunning flow as a tenant writes it (JSON or YAML): ordered steps at offsets in days from each invoice's due date.
 *
 * @param key         stable identifier (lower case, digits, dashes); versions of a flow share it
 * @param tone        default tone of its messages
 */
public record FlowDefinition(String key, String name, @Nullable String description, @Nullable Tone tone,
                             List<Step> steps) {

    public FlowDefinition {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * One step. It fires for an item on the first run on or after {@code dueDate + offsetDays}, and not before
     * {@code minDaysAfterPrevious} days after the item's previous action, when its conditions hold.
     *
     * @param key         stable within the flow: the "at most once per item and step" is per key
     * @param mandatory   catch-up never skips it (the 14-day letter before a collection case)
     * @param legalNotice its letter is the 14-day letter (art. 6:96 lid 6 BW): states the costs, evidence is kept
     */
    public record Step(String key, @Nullable String label, int offsetDays, @Nullable Integer minDaysAfterPrevious,
                       boolean mandatory, boolean legalNotice, @Nullable Conditions when, List<Action> actions) {
        public Step {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }

        public String displayLabel() {
            return label == null || label.isBlank() ? key : label;
        }
    }

    /**
     * All given conditions must hold (absent ones always do).
     *
     * @param debtorType           CONSUMER or BUSINESS
     * @param minAmount            the invoice's open amount at least this
     * @param letterDeadlinePassed consumers only: a 14-day letter for the invoice was sent and its term has expired
     * @param scoreBands           the debtor's score band is one of these ("NONE" when unscored)
     */
    public record Conditions(@Nullable String debtorType, @Nullable BigDecimal minAmount,
                             @Nullable BigDecimal maxAmount, @Nullable Integer minDaysOverdue,
                             @Nullable Integer maxDaysOverdue, @Nullable List<String> languages,
                             @Nullable List<String> tagsAny, @Nullable List<String> tagsNone,
                             @Nullable List<String> scoreBands, boolean letterDeadlinePassed) {
    }

    /**
     * @param template message template key (EMAIL, SMS, LETTER); the variant follows the debtor's language
     * @param tone     overrides the flow's tone
     */
    public record Action(ActionType type, @Nullable String template, @Nullable Tone tone) {
    }
}
