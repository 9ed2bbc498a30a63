package io.creditflow.law;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One open claim as it stands when a payment arrives: plain values the caller reads from its own tables.
 *
 * @param id                  the caller's identifier (invoice number, instalment id); a designation names it
 * @param currency            ISO 4217 code; it must be the payment's
 * @param dueDate             when the claim fell due; also its age ("oldest" in art. 6:43 lid 2 BW)
 * @param openCosts           collection costs open on the claim
 * @param openInterest        interest accrued and open on the claim
 * @param openPrincipal       principal open on the claim
 * @param interestRatePercent the yearly rate the claim bears (statutory or contractual, 0 when none): the first
 *                            measure of how burdensome it is
 * @param costsExposure       collection costs the debtor becomes liable for if this claim stays unpaid (the amount a
 *                            running 14-day letter states, a contractual penalty): the second measure
 */
public record ClaimSnapshot(String id, String currency, LocalDate dueDate, BigDecimal openCosts,
                            BigDecimal openInterest, BigDecimal openPrincipal, BigDecimal interestRatePercent,
                            BigDecimal costsExposure) {

    public ClaimSnapshot {
        Checks.present("id", id);
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        currency = Checks.currency("currency", currency);
        Checks.present("dueDate", dueDate);
        openCosts = Checks.amount("openCosts", openCosts);
        openInterest = Checks.amount("openInterest", openInterest);
        openPrincipal = Checks.amount("openPrincipal", openPrincipal);
        interestRatePercent = Checks.percent("interestRatePercent", interestRatePercent);
        costsExposure = Checks.amount("costsExposure", costsExposure);
    }

    /** A euro claim that bears no interest and risks no costs. */
    public static ClaimSnapshot of(String id, LocalDate dueDate, BigDecimal openCosts, BigDecimal openInterest,
                                   BigDecimal openPrincipal) {
        return new ClaimSnapshot(id, CostsRequest.EURO, dueDate, openCosts, openInterest, openPrincipal,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public ClaimSnapshot withBurden(BigDecimal ratePercent, BigDecimal exposure) {
        return new ClaimSnapshot(id, currency, dueDate, openCosts, openInterest, openPrincipal, ratePercent, exposure);
    }

    public ClaimSnapshot withCurrency(String code) {
        return new ClaimSnapshot(id, code, dueDate, openCosts, openInterest, openPrincipal, interestRatePercent,
                costsExposure);
    }

    /** Everything open on the claim. */
    public BigDecimal open() {
        return openCosts.add(openInterest).add(openPrincipal);
    }
}
