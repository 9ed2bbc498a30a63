package io.creditflow.dunning;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How far dunning went with debtors: the worst step actually taken per debtor since a date, ranked by what the step
 * does (see {@link Severity}), in one set-based query over the action history (SQL function {@code
 * dunning_worst_steps}, migration V22, which acceptance's credit checks call inside their own facts query). Skipped
 * (caught-up) and failed actions do not count: only what reached the debtor.
 */
@Component
public class DunningSeverity {

    /** The ranks, in order; {@link #rank()} is what policies compare (a final notice is 3). */
    public enum Severity {
        NONE, PRE_DUE, REMINDER, FINAL_NOTICE, COLLECTION;

        public int rank() {
            return ordinal();
        }

        public static Severity ofRank(int rank) {
            return values()[rank];
        }
    }

    /** The worst step one debtor reached: its severity, the step's key and the day it was taken. */
    public record WorstStep(UUID debtorId, Severity severity, String stepKey, LocalDate date) {
    }

    private final DSLContext dsl;

    DunningSeverity(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Per debtor with any step taken on or after {@code since}; debtors without one are absent (NONE). */
    @Transactional(readOnly = true)
    public Map<UUID, WorstStep> worstSteps(Collection<UUID> debtorIds, LocalDate since) {
        Map<UUID, WorstStep> worst = new HashMap<>();
        if (debtorIds.isEmpty()) {
            return worst;
        }
        dsl.resultQuery("select * from dunning_worst_steps({0}, {1})", debtorIds.toArray(UUID[]::new), since)
                .forEach(r -> {
                    UUID debtor = r.get("debtor_id", UUID.class);
                    worst.put(debtor, new WorstStep(debtor, Severity.ofRank(r.get("severity", Integer.class)),
                            r.get("step_key", String.class), r.get("action_date", LocalDate.class)));
                });
        return worst;
    }

    /** The worst severity over a group of debtors (the same person known under several debtor records). */
    @Transactional(readOnly = true)
    public Severity worstOf(Collection<UUID> debtorIds, LocalDate since) {
        return worstSteps(debtorIds, since).values().stream().map(WorstStep::severity)
                .max(Enum::compareTo).orElse(Severity.NONE);
    }
}
