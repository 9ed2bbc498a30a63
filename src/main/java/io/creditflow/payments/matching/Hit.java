package io.creditflow.payments.matching;

import java.util.List;

/** An invoice a payment points at, how, through which token, and the weight of that evidence. */
record Hit(OpenItem invoice, Evidence evidence, String token, double weight, Reason reason) {

    static Hit of(OpenItem invoice, Evidence evidence, String token, double weight) {
        Reason reason = switch (evidence) {
            case END_TO_END, REFERENCE, REFERENCE_IN_TEXT, NUMBER_DIGITS, NUMBER_FUZZY ->
                    Reason.of(evidence.reason, token, invoice.number());
            case REFERENCE_CORRECTED -> Reason.of(evidence.reason, token, invoice.paymentReference(),
                    invoice.number());
            case NUMBER -> Reason.of(evidence.reason, invoice.number());
        };
        return new Hit(invoice, evidence, token, weight, reason);
    }

    /** A token found for several invoices says less about each: its weight is shared in log-odds. */
    static double shared(double weight, int count) {
        return count <= 1 ? weight : weight - Math.log(count);
    }

    /** The strongest hit per invoice, in the order the invoices first appear. */
    static List<Hit> strongestPerInvoice(List<Hit> hits) {
        java.util.Map<java.util.UUID, Hit> best = new java.util.LinkedHashMap<>();
        for (Hit hit : hits) {
            best.merge(hit.invoice().invoiceId(), hit, (a, b) -> b.weight() > a.weight() ? b : a);
        }
        return List.copyOf(best.values());
    }
}
