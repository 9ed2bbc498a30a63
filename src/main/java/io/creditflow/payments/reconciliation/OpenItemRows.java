package io.creditflow.payments.reconciliation;

import io.creditflow.payments.matching.OpenItem;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Set;

import static io.creditflow.jooq.Tables.INVOICE;

/**
 * Reading invoices as matching sees them. The payments module only reads the receivables tables (for set-based
 * lookups against millions of invoices); every change goes through {@code receivables.Ledger}.
 */
final class OpenItemRows {

    static final Set<String> OPEN_STATUSES = Set.of("OPEN", "PARTIALLY_PAID", "DISPUTED", "IN_COLLECTION");
    /**
     * The invoice number's match keys, stored columns (V34): a condition on them can use their index under row-level
     * security, where one on the functions {@code payment_number_key(number)} could not (not leakproof).
     */
    static final Field<String> NUMBER_KEY = DSL.field(DSL.name("invoice", "match_number_key"), String.class);
    static final Field<String> DIGITS_KEY = DSL.field(DSL.name("invoice", "match_digits_key"), String.class);
    static final List<SelectField<?>> FIELDS = List.of(INVOICE.ID, INVOICE.DEBTOR_ID, INVOICE.NUMBER,
            INVOICE.PAYMENT_REFERENCE, INVOICE.CURRENCY, INVOICE.ISSUE_DATE, INVOICE.DUE_DATE, INVOICE.AMOUNT,
            INVOICE.OPEN_PRINCIPAL, INVOICE.OPEN_COSTS, INVOICE.OPEN_INTEREST, INVOICE.STATUS);

    private OpenItemRows() {
    }

    static OpenItem toItem(Record r) {
        return new OpenItem(r.get(INVOICE.ID), r.get(INVOICE.DEBTOR_ID), r.get(INVOICE.NUMBER),
                r.get(INVOICE.PAYMENT_REFERENCE), r.get(INVOICE.CURRENCY), r.get(INVOICE.ISSUE_DATE),
                r.get(INVOICE.DUE_DATE), r.get(INVOICE.AMOUNT), r.get(INVOICE.OPEN_PRINCIPAL),
                r.get(INVOICE.OPEN_COSTS), r.get(INVOICE.OPEN_INTEREST), OPEN_STATUSES.contains(r.get(INVOICE.STATUS)));
    }
}
