package io.creditflow.payments.arrangements;

import io.creditflow.dunning.DunningPauses;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A promise to pay pauses dunning through dunning's own pauses (so the dunning console shows it, with its reason and
 * last day): one pause over the promise's invoices, with the promise as its target, until the promised date plus the
 * grace days. Kept, broken or cancelled, the pause ends at once; a broken promise's invoices return to their flow,
 * and the steps that fell due meanwhile are taken by the next run (subject to catch-up).
 */
@Component
public class PromisePauses {

    static final String SOURCE = "PROMISE_TO_PAY";

    private final DunningPauses pauses;

    PromisePauses(DunningPauses pauses) {
        this.pauses = pauses;
    }

    public void pause(UUID promiseId, List<UUID> invoiceIds, LocalDate until) {
        pauses.pause(DunningPauses.Scope.CASE, promiseId, invoiceIds, "PROMISE_TO_PAY", null, until, SOURCE);
    }

    /** Ends the promise's pause if it is still on (a person may have lifted it already). */
    public void end(UUID promiseId, UUID debtorId, List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return;
        }
        pauses.forInvoice(invoiceIds.getFirst(), debtorId).stream()
                .filter(p -> p.targetId().equals(promiseId) && SOURCE.equals(p.source()) && p.endedAt() == null)
                .forEach(p -> pauses.resume(p.id()));
    }
}
