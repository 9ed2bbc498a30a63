package io.creditflow.payments.matching;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What matching concluded for one payment: its proposals, best first (empty when nothing points anywhere), and the
 * reasons that concern the payment as a whole (e.g. that nothing matched).
 */
public record MatchOutcome(List<Proposal> proposals, List<Reason> notes) {

    public MatchOutcome {
        proposals = List.copyOf(proposals);
        notes = List.copyOf(notes);
    }

    public @Nullable Proposal best() {
        return proposals.isEmpty() ? null : proposals.getFirst();
    }

    public double confidence() {
        Proposal best = best();
        return best == null ? 0 : best.confidence();
    }

    /** Whether the best proposal may be applied without a person, given the tenant's threshold. */
    public boolean automatic(double threshold) {
        Proposal best = best();
        return best != null && best.confidence() >= threshold;
    }
}
