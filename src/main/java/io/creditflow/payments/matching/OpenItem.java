package io.creditflow.payments.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice as matching sees it: what identifies it and what is open on it, split the way the law allocates
 * (costs, interest, principal). Paid invoices appear too when a reference names them, so that the explanation can
 * say so.
 */
public record OpenItem(UUID invoiceId, UUID debtorId, String number, String paymentReference, String currency,
                       LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal openPrincipal,
                       BigDecimal openCosts, BigDecimal openInterest, boolean open) {

    /** Everything open: principal, costs and interest. */
    public BigDecimal openTotal() {
        return openPrincipal.add(openCosts).add(openInterest);
    }
}
