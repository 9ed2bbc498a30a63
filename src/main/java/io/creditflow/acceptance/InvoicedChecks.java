package io.creditflow.acceptance;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_CHECK;
import static io.creditflow.jooq.Tables.CREDIT_RESERVATION;

/**
 * Credit checks whose order became an invoice, with the signals the decision saw: the population an acceptance model
 * is trained on (the scoring module joins each invoice to its later payment outcome). Only what was known at the
 * moment of the check is returned (the stored signals), never anything learned later, so a model trained on it does
 * not see the future. Rejected orders never became invoices and have no outcome: the population is the accepted
 * one (no reject inference).
 */
@Component
public class InvoicedChecks {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final DSLContext dsl;
    private final JsonMapper json;

    InvoicedChecks(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** One check and the invoice its order became. Signals: numbers, booleans and texts by {@link SignalNames}. */
    public record InvoicedCheck(UUID checkId, OffsetDateTime checkedAt, UUID invoiceId, Map<String, Object> signals) {
    }

    /** The current tenant's invoiced checks made in {@code [from, to)}, oldest first. */
    public List<InvoicedCheck> between(OffsetDateTime from, OffsetDateTime to) {
        return dsl.select(CREDIT_CHECK.ID, CREDIT_CHECK.CREATED_AT, CREDIT_RESERVATION.INVOICE_ID,
                        CREDIT_CHECK.SIGNALS)
                .from(CREDIT_CHECK).join(CREDIT_RESERVATION)
                .on(CREDIT_RESERVATION.TENANT_ID.eq(CREDIT_CHECK.TENANT_ID)
                        .and(CREDIT_RESERVATION.CHECK_ID.eq(CREDIT_CHECK.ID)))
                .where(CREDIT_RESERVATION.STATUS.eq("INVOICED")).and(CREDIT_RESERVATION.INVOICE_ID.isNotNull())
                .and(CREDIT_CHECK.CREATED_AT.ge(from)).and(CREDIT_CHECK.CREATED_AT.lt(to))
                .orderBy(CREDIT_CHECK.CREATED_AT, CREDIT_CHECK.ID)
                .fetch(r -> new InvoicedCheck(r.value1(), r.value2(), r.value3(),
                        json.readValue(r.value4().data(), MAP)));
    }
}
