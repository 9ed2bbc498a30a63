package io.creditflow.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A payment to allocate over a debtor's claims.
 *
 * @param amount             what was paid
 * @param currency           ISO 4217 code
 * @param receivedOn         the day it was received: claims due on or before it count as due
 * @param designatedClaimIds the claims the debtor named (e.g. in the payment reference), in the order named; they
 *                           are served first (art. 6:43 lid 1 BW)
 */
public record IncomingPayment(BigDecimal amount, String currency, LocalDate receivedOn,
                              List<String> designatedClaimIds) {

    public IncomingPayment {
        amount = Checks.positiveAmount("amount", amount);
        currency = Checks.currency("currency", currency);
        Checks.present("receivedOn", receivedOn);
        designatedClaimIds = Checks.list("designatedClaimIds", designatedClaimIds);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < designatedClaimIds.size(); i++) {
            if (!seen.add(designatedClaimIds.get(i))) {
                throw new IllegalArgumentException("designatedClaimIds[" + i + "]: '" + designatedClaimIds.get(i)
                        + "' is named twice");
            }
        }
    }

    /** A euro payment without designation. */
    public static IncomingPayment of(BigDecimal amount, LocalDate receivedOn) {
        return new IncomingPayment(amount, CostsRequest.EURO, receivedOn, List.of());
    }

    public IncomingPayment designating(String... claimIds) {
        return new IncomingPayment(amount, currency, receivedOn, List.of(claimIds));
    }
}
