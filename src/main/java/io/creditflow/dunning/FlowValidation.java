package io.creditflow.dunning;

import io.creditflow.messaging.MessageTemplates;
import io.creditflow.platform.BusinessRuleException.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a flow must meet before it is saved; every problem names its field ("steps[2].offsetDays"). */
final class FlowValidation {

    private static final Set<String> LANGUAGES = Set.of("nl", "en", "de", "fr");

    private FlowValidation() {
    }

    static List<FieldError> check(FlowDefinition flow, MessageTemplates templates) {
        List<FieldError> errors = new ArrayList<>();
        if (flow.key() == null || !flow.key().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add(new FieldError("key", "lower-case letters, digits and dashes, at most 63"));
        }
        if (flow.name() == null || flow.name().isBlank()) {
            errors.add(new FieldError("name", "required"));
        }
        if (flow.steps().isEmpty()) {
            errors.add(new FieldError("steps", "at least one step"));
        }
        Set<String> keys = new HashSet<>();
        Integer previousOffset = null;
        for (int i = 0; i < flow.steps().size(); i++) {
            FlowDefinition.Step step = flow.steps().get(i);
            String at = "steps[" + i + "]";
            if (step.key() == null || !step.key().matches("[a-z0-9][a-z0-9-]{0,62}")) {
                errors.add(new FieldError(at + ".key", "lower-case letters, digits and dashes, at most 63"));
            } else if (!keys.add(step.key())) {
                errors.add(new FieldError(at + ".key", "'" + step.key() + "' is used twice"));
            }
            if (step.offsetDays() < -365 || step.offsetDays() > 3650) {
                errors.add(new FieldError(at + ".offsetDays", "between -365 and 3650"));
            }
            if (previousOffset != null && step.offsetDays() < previousOffset) {
                errors.add(new FieldError(at + ".offsetDays", "steps must be in order: " + step.offsetDays()
                        + " comes before the previous step's " + previousOffset));
            }
            previousOffset = step.offsetDays();
            if (step.minDaysAfterPrevious() != null && (step.minDaysAfterPrevious() < 0
                    || step.minDaysAfterPrevious() > 365)) {
                errors.add(new FieldError(at + ".minDaysAfterPrevious", "0 to 365"));
            }
            checkActions(step, at, templates, errors);
            checkConditions(step.when(), at + ".when", errors);
            if (step.legalNotice()) {
                if (step.offsetDays() < 1) {
                    errors.add(new FieldError(at + ".offsetDays", "a 14-day letter may only be sent once the debtor"
                            + " is in default: at least 1 day after the due date"));
                }
                if (step.actions().stream().noneMatch(a -> a.type() == ActionType.EMAIL
                        || a.type() == ActionType.LETTER)) {
                    errors.add(new FieldError(at + ".actions", "a legal notice needs an EMAIL or LETTER action"));
                }
            }
        }
        return errors;
    }

    private static void checkActions(FlowDefinition.Step step, String at, MessageTemplates templates,
                                     List<FieldError> errors) {
        if (step.actions().isEmpty()) {
            errors.add(new FieldError(at + ".actions", "at least one action"));
        }
        Set<ActionType> seen = new HashSet<>();
        for (int j = 0; j < step.actions().size(); j++) {
            FlowDefinition.Action action = step.actions().get(j);
            String a = at + ".actions[" + j + "]";
            if (action.type() == null) {
                errors.add(new FieldError(a + ".type", "required, one of " + List.of(ActionType.values())));
                continue;
            }
            if (!seen.add(action.type())) {
                errors.add(new FieldError(a + ".type", action.type() + " twice in one step"));
            }
            if (action.type().isMessage()) {
                if (action.template() == null || action.template().isBlank()) {
                    errors.add(new FieldError(a + ".template", "required for " + action.type()));
                } else if (templates.definition(action.template()).isEmpty()) {
                    errors.add(new FieldError(a + ".template", "unknown template '" + action.template() + "'"));
                }
            }
        }
    }

    private static void checkConditions(FlowDefinition.Conditions c, String at, List<FieldError> errors) {
        if (c == null) {
            return;
        }
        if (c.debtorType() != null && !Set.of("CONSUMER", "BUSINESS").contains(c.debtorType())) {
            errors.add(new FieldError(at + ".debtorType", "CONSUMER or BUSINESS"));
        }
        checkAmount(c.minAmount(), at + ".minAmount", errors);
        checkAmount(c.maxAmount(), at + ".maxAmount", errors);
        if (c.minAmount() != null && c.maxAmount() != null && c.minAmount().compareTo(c.maxAmount()) > 0) {
            errors.add(new FieldError(at + ".maxAmount", "below minAmount"));
        }
        if (c.minDaysOverdue() != null && c.maxDaysOverdue() != null && c.minDaysOverdue() > c.maxDaysOverdue()) {
            errors.add(new FieldError(at + ".maxDaysOverdue", "below minDaysOverdue"));
        }
        if (c.languages() != null) {
            for (String l : c.languages()) {
                if (!LANGUAGES.contains(l)) {
                    errors.add(new FieldError(at + ".languages", "'" + l + "' is not one of " + LANGUAGES));
                }
            }
        }
    }

    private static void checkAmount(BigDecimal amount, String field, List<FieldError> errors) {
        if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError(field, "a non-negative amount with at most 2 decimals"));
        }
    }
}
