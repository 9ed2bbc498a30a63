package io.creditflow.acceptance.policy;

import io.creditflow.acceptance.Decision;
import io.creditflow.acceptance.ExternalSource;
import io.creditflow.platform.BusinessRuleException.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a policy document before it can be saved: every problem with its JSON path. */
public final class PolicyValidation {

    private static final Set<String> FORMULAS = Set.of("BEHAVIOUR", "BUREAU", "FIXED");

    private PolicyValidation() {
    }

    public static List<FieldError> check(PolicyDocument p, Set<String> knownScorers) {
        List<FieldError> errors = new ArrayList<>();
        if (p.name() == null || p.name().isBlank()) {
            errors.add(new FieldError("name", "required"));
        }
        if (p.currency() == null || !p.currency().matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
        }
        if (p.scorer() == null || !(p.scorer().equals(PolicyDocument.POLICY_SCORECARD) || knownScorers.contains(p.scorer()))) {
            errors.add(new FieldError("scorer", "unknown scorer; known: " + knownScorers + " and policy-scorecard"));
        } else if (p.scorer().equals(PolicyDocument.POLICY_SCORECARD) && p.scorecard() == null) {
            errors.add(new FieldError("scorecard", "required when scorer is policy-scorecard"));
        }
        if (p.scorecard() != null) {
            checkScorecard(p.scorecard(), errors);
        }
        if (p.cutoffs() == null) {
            errors.add(new FieldError("cutoffs", "required"));
        } else if (p.cutoffs().accept() < p.cutoffs().refer()) {
            errors.add(new FieldError("cutoffs.accept", "must be at least cutoffs.refer"));
        }
        if (p.riskBands() == null || p.riskBands().isEmpty()) {
            errors.add(new FieldError("riskBands", "at least one band"));
        }
        checkRules(p, errors);
        checkLimits(p, errors);
        if (p.exposure() == null || p.exposure().reservationDays() < 1 || p.exposure().reservationDays() > 90) {
            errors.add(new FieldError("exposure.reservationDays", "between 1 and 90"));
        } else if (p.exposure().overLimit() == Decision.ACCEPT) {
            errors.add(new FieldError("exposure.overLimit", "REFER or REJECT: accepting over the limit is over-crediting"));
        }
        if (p.velocityWindowDays() < 1 || p.velocityWindowDays() > 730) {
            errors.add(new FieldError("velocityWindowDays", "between 1 and 730"));
        }
        checkSources(p, errors);
        if (p.monitoring() == null) {
            errors.add(new FieldError("monitoring", "required"));
        }
        if (p.verification() == null) {
            errors.add(new FieldError("verification", "required"));
        }
        if (p.challenger() != null && (p.challenger().sharePercent() < 0 || p.challenger().sharePercent() > 50)) {
            errors.add(new FieldError("challenger.sharePercent", "between 0 and 50 (the champion decides the majority)"));
        }
        return errors;
    }

    private static void checkScorecard(PolicyDocument.Scorecard card, List<FieldError> errors) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < card.characteristics().size(); i++) {
            PolicyDocument.Characteristic c = card.characteristics().get(i);
            String at = "scorecard.characteristics[" + i + "]";
            if (c.code() == null || !c.code().matches("[A-Z][A-Z0-9_]{1,40}")) {
                errors.add(new FieldError(at + ".code", "upper-case letters, digits and _"));
            } else if (!codes.add(c.code())) {
                errors.add(new FieldError(at + ".code", "duplicate " + c.code()));
            }
            if (c.signal() == null || c.signal().isBlank()) {
                errors.add(new FieldError(at + ".signal", "required"));
            }
            if (c.bins() == null || c.bins().isEmpty()) {
                errors.add(new FieldError(at + ".bins", "at least one bin"));
            }
        }
    }

    private static void checkRules(PolicyDocument p, List<FieldError> errors) {
        if (p.knockOuts() == null) {
            errors.add(new FieldError("knockOuts", "required (may be empty)"));
            return;
        }
        for (int i = 0; i < p.knockOuts().size(); i++) {
            PolicyDocument.Rule r = p.knockOuts().get(i);
            String at = "knockOuts[" + i + "]";
            if (r.code() == null || !r.code().matches("[A-Z][A-Z0-9_]{1,40}")) {
                errors.add(new FieldError(at + ".code", "upper-case letters, digits and _"));
            }
            if (r.decision() == null || r.decision() == Decision.ACCEPT) {
                errors.add(new FieldError(at + ".decision", "REFER or REJECT"));
            }
            if (r.when() == null || r.when().isEmpty()) {
                errors.add(new FieldError(at + ".when", "at least one condition"));
                continue;
            }
            for (int j = 0; j < r.when().size(); j++) {
                PolicyDocument.Condition c = r.when().get(j);
                if (c.signal() == null || c.signal().isBlank()) {
                    errors.add(new FieldError(at + ".when[" + j + "].signal", "required"));
                }
                if (c.op() == null || !Conditions.OPERATORS.contains(c.op())) {
                    errors.add(new FieldError(at + ".when[" + j + "].op", "one of " + Conditions.OPERATORS));
                }
            }
        }
    }

    private static void checkLimits(PolicyDocument p, List<FieldError> errors) {
        PolicyDocument.Limits l = p.limits();
        if (l == null) {
            errors.add(new FieldError("limits", "required"));
            return;
        }
        if (!FORMULAS.contains(l.formula())) {
            errors.add(new FieldError("limits.formula", "one of " + FORMULAS));
        }
        if (l.factor() == null || l.factor().signum() <= 0 || l.factor().compareTo(BigDecimal.TEN) > 0) {
            errors.add(new FieldError("limits.factor", "greater than 0 and at most 10"));
        }
        for (var map : List.of(l.newCustomer(), l.minimum(), l.cap())) {
            if (map == null || map.values().stream().anyMatch(v -> v == null || v.signum() < 0)) {
                errors.add(new FieldError("limits", "newCustomer, minimum and cap are non-negative amounts per type"));
                return;
            }
        }
    }

    private static void checkSources(PolicyDocument p, List<FieldError> errors) {
        if (p.sources() == null) {
            errors.add(new FieldError("sources", "required (may be empty)"));
            return;
        }
        p.sources().forEach((kind, s) -> {
            try {
                ExternalSource.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sources." + kind, "unknown source kind"));
            }
            if (s.timeoutMillis() < 10 || s.timeoutMillis() > 10_000) {
                errors.add(new FieldError("sources." + kind + ".timeoutMillis", "between 10 and 10000"));
            }
            if (s.whenUnavailable() == null) {
                errors.add(new FieldError("sources." + kind + ".whenUnavailable", "ACCEPT (decide without) or REFER"));
            }
        });
    }
}
