package io.creditflow.dunning.run;

import io.creditflow.messaging.Channel;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Writes the evidence row of a 14-day letter when it is enqueued (PENDING until the outbox reports it sent). */
final class LetterRecords {

    private LetterRecords() {
    }

    static void pending(DSLContext dsl, MessageComposer.Draft draft, UUID messageId) {
        MessageComposer.Legal legal = draft.legal();
        if (legal == null || draft.message().channel() == Channel.SMS) {
            return;
        }
        UUID letterId = UUID.randomUUID();
        int inserted = dsl.execute("""
                insert into dunning_letter (tenant_id, id, debtor_id, action_date, message_id, channel, status,
                    debtor_type, principal, stated_costs, costs_excl_vat, vat, vat_declared, latest_due_date, term_days)
                values (current_tenant(), {0}, {1}, {11}, {2}, {3}, 'PENDING', {4}, {5}, {6}, {7}, {8}, {9},
                        {10}, 14)
                on conflict (tenant_id, message_id) do nothing""", letterId, draft.message().subjectId(), messageId,
                draft.message().channel() == Channel.LETTER ? "POST" : "EMAIL",
                legal.consumer() ? "CONSUMER" : "BUSINESS", legal.costs().principal(), legal.costs().costs(),
                legal.costs().costsExcludingVat(), legal.costs().vat(), legal.costs().vatUpliftApplied(),
                legal.latestDueDate(), draft.day());
        if (inserted == 0) {
            return;
        }
        for (Map.Entry<UUID, BigDecimal> p : legal.principals().entrySet()) {
            dsl.execute("insert into dunning_letter_invoice (tenant_id, letter_id, invoice_id, principal) "
                    + "values (current_tenant(), {0}, {1}, {2})", letterId, p.getKey(), p.getValue());
        }
    }
}
