package io.creditflow.acceptance.policy;

import io.creditflow.acceptance.ApplicantType;
import io.creditflow.acceptance.Decision;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's credit policy, stored as JSON (one version per change; see {@code acceptance/default-policy.json} for the
 * version every tenant starts with). Signal names are those of {@link io.creditflow.acceptance.SignalNames}.
 */
public record PolicyDocument(String name, String currency, String scorer, @Nullable Scorecard scorecard,
                             Cutoffs cutoffs, List<RiskBand> riskBands, List<Rule> knockOuts, Limits limits,
                             Exposure exposure, int velocityWindowDays, Map<String, SourceSetting> sources,
                             Verification verification, Monitoring monitoring, @Nullable Challenger challenger) {

    public static final String POLICY_SCORECARD = "policy-scorecard";

    public PolicyDocument {
        riskBands = List.copyOf(riskBands);
        knockOuts = List.copyOf(knockOuts);
        sources = Map.copyOf(sources);
    }

    /** A knock-out: when every condition holds, the decision is at least {@code decision}. */
    public record Rule(String code, List<Condition> when, Decision decision, @Nullable Set<ApplicantType> applicantTypes,
                       @Nullable Map<String, String> text) {
        public Rule {
            when = List.copyOf(when);
        }

        public boolean appliesTo(ApplicantType type) {
            return applicantTypes == null || applicantTypes.isEmpty() || applicantTypes.contains(type);
        }
    }

    /**
     * {@code op}: lt, le, gt, ge, eq, ne, in (value is a list), present, absent. A comparison with an absent signal is
     * false (a rule never fires on missing data; use {@code absent} to act on missing data deliberately).
     */
    public record Condition(String signal, String op, @Nullable Object value) {
    }

    /** The policy's own expert scorecard: {@code base} plus the points of each applicable characteristic. */
    public record Scorecard(int base, List<Characteristic> characteristics) {
        public Scorecard {
            characteristics = List.copyOf(characteristics);
        }
    }

    /** Points by bins of one signal; the first bin that matches gives the points; {@code missing} when absent. */
    public record Characteristic(String code, String signal, List<Bin> bins, int missing,
                                 @Nullable Set<ApplicantType> applicantTypes, @Nullable Map<String, String> text) {
        public Characteristic {
            bins = List.copyOf(bins);
        }

        public boolean appliesTo(ApplicantType type) {
            return applicantTypes == null || applicantTypes.isEmpty() || applicantTypes.contains(type);
        }
    }

    /** Matches a number up to and including {@code upTo}, or a value equal to {@code equals}, or (neither) anything. */
    public record Bin(@Nullable BigDecimal upTo, @Nullable Object equals, int points) {
    }

    /** Score at least {@code accept}: ACCEPT; at least {@code refer}: REFER; below: REJECT. */
    public record Cutoffs(int accept, int refer) {
    }

    public record RiskBand(String band, int min) {
    }

    /**
     * {@code formula}: BEHAVIOUR (factor x invoices paid within 60 days of due date over 12 months, clamped to
     * minimum..cap; new customers get {@code newCustomer}), BUREAU (the bureau's advised limit capped, else as
     * BEHAVIOUR), FIXED ({@code newCustomer} for everyone). A limit set by hand always wins. Amounts per applicant type.
     */
    public record Limits(String formula, BigDecimal factor, Map<ApplicantType, BigDecimal> newCustomer,
                         Map<ApplicantType, BigDecimal> minimum, Map<ApplicantType, BigDecimal> cap) {
    }

    /**
     * Open orders hold their amount for {@code reservationDays}; an order over the available limit gets {@code
     * overLimit} (with the condition "accept up to" the available amount when that is at least {@code
     * minimumPartial}).
     */
    public record Exposure(int reservationDays, Decision overLimit, BigDecimal minimumPartial) {
    }

    /** Per source kind: asked or not, for which applicants, how long to wait, and what a missing answer means. */
    public record SourceSetting(boolean enabled, int timeoutMillis, @Nullable Set<ApplicantType> applicantTypes,
                                Decision whenUnavailable) {
        public boolean appliesTo(ApplicantType type) {
            return enabled && (applicantTypes == null || applicantTypes.isEmpty() || applicantTypes.contains(type));
        }
    }

    public record Verification(Set<String> allowEmailDomains) {
        public Verification {
            allowEmailDomains = Set.copyOf(allowEmailDomains);
        }
    }

    /** Alert when overdue exceeds {@code overdueAmount} for more than {@code overdueDays}; re-ask external sources. */
    public record Monitoring(BigDecimal overdueAmount, int overdueDays, boolean watchExternal) {
    }

    /** This share (0-100) of identities is decided by policy version {@code version} instead. */
    public record Challenger(int version, int sharePercent) {
    }
}
