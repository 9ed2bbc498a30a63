package io.creditflow.payments.directdebit;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DD_ITEM;
import static io.creditflow.jooq.Tables.SEPA_MANDATE;

/**
 * What happens to a collection after its file left: the statement shows it booked (collected) or returned. A return
 * with a reason that ends the mandate revokes it, so the next collection run leaves the debtor out.
 */
@Component
public class DirectDebitItems {

    private final DSLContext dsl;
    private final AuditLog audit;

    DirectDebitItems(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** A collection as the statement refers to it by end-to-end id. */
    public record Item(String endToEndId, UUID invoiceId, UUID debtorId, UUID mandateId, String status) {
    }

    public Optional<Item> byEndToEndId(String endToEndId) {
        return dsl.selectFrom(DD_ITEM).where(DD_ITEM.END_TO_END_ID.eq(endToEndId)).fetchOptional()
                .map(r -> new Item(r.getEndToEndId(), r.getInvoiceId(), r.getDebtorId(), r.getMandateId(),
                        r.getStatus()));
    }

    public void collected(String endToEndId, UUID entryId) {
        dsl.update(DD_ITEM).set(DD_ITEM.STATUS, "COLLECTED").set(DD_ITEM.ENTRY_ID, entryId)
                .where(DD_ITEM.END_TO_END_ID.eq(endToEndId)).and(DD_ITEM.STATUS.eq("SCHEDULED")).execute();
    }

    /** Records the return; revokes the mandate when the reason ends it. Returns the item when there was one. */
    public Optional<Item> returned(String endToEndId, @Nullable String reasonCode) {
        Optional<Item> item = byEndToEndId(endToEndId);
        item.ifPresent(i -> {
            ReturnReason reason = reasonCode == null ? ReturnReason.OTHER : ReturnReason.of(reasonCode);
            dsl.update(DD_ITEM).set(DD_ITEM.STATUS, "RETURNED").set(DD_ITEM.RETURN_REASON, reason.name())
                    .where(DD_ITEM.END_TO_END_ID.eq(endToEndId)).execute();
            if (reason.endsMandate()) {
                int revoked = dsl.update(SEPA_MANDATE).set(SEPA_MANDATE.STATUS, "REVOKED")
                        .set(SEPA_MANDATE.STATUS_REASON, "returned " + reason.name())
                        .set(SEPA_MANDATE.UPDATED_AT, OffsetDateTime.now())
                        .where(SEPA_MANDATE.ID.eq(i.mandateId())).and(SEPA_MANDATE.STATUS.eq("ACTIVE")).execute();
                if (revoked > 0) {
                    audit.record(AuditEvent.of("mandate.revoked", "sepa-mandate", i.mandateId()).subject(i.debtorId())
                            .detail("reason", reason.name()));
                }
            }
        });
        return item;
    }
}
