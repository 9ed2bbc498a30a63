package io.creditflow.payments.matching;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A way to apply a payment: to these invoices of this debtor (in the order the payment named them), with a
 * confidence between 0 and 1 and the reasons for it. An empty invoice list means "the debtor's account": the law
 * allocates the money over their open invoices.
 */
public record Proposal(Kind kind, UUID debtorId, List<UUID> invoiceIds, double confidence, List<Reason> reasons) {

    /** How the invoices were identified. */
    public enum Kind {
        /** The payment named them: end-to-end id, payment reference or invoice number. */
        DESIGNATED,
        /** The amount is exactly what is open on one invoice of a debtor identified by account or name. */
        AMOUNT,
        /** The amount is exactly the sum of several open invoices of the debtor. */
        COMBINATION,
        /** The debtor is known but no invoice is: allocated by law over the debtor's open invoices. */
        ACCOUNT
    }

    public Proposal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(debtorId, "debtorId");
        invoiceIds = List.copyOf(invoiceIds);
        reasons = List.copyOf(reasons);
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, not " + confidence);
        }
    }

    Proposal withConfidence(double value) {
        return new Proposal(kind, debtorId, invoiceIds, value, reasons);
    }
}
