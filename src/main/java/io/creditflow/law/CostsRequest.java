package io.creditflow.law;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the collection costs are computed on: the principals of all claims of one creditor on one debtor that one
 * letter demands (art. 6:96 lid 7 BW sums them before the scale applies), never interest or earlier costs.
 *
 * @param principals         the open principal of each claim, at least one
 * @param currency           ISO 4217 code; the statutory amounts are in euro, so only {@code EUR} is accepted
 * @param debtorType         consumer or business
 * @param inDefaultSince     the first day the debtor is in default (the day after the due date); selects the scale
 *                           and cap in force
 * @param vatUplift          the facts deciding the VAT uplift
 * @param contractualPercent business debtors only: an agreed percentage of the principal replacing the scale
 * @param recurringTerms     present when the claims are terms of a recurring claim or instalment plan
 */
public record CostsRequest(List<BigDecimal> principals, String currency, DebtorType debtorType,
                           LocalDate inDefaultSince, VatUplift vatUplift, @Nullable BigDecimal contractualPercent,
                           @Nullable RecurringTerms recurringTerms) {

    public static final String EURO = "EUR";

    public CostsRequest {
        List<BigDecimal> claims = Checks.list("principals", principals);
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("principals: at least one claim is required");
        }
        principals = IntStream.range(0, claims.size())
                .mapToObj(i -> Checks.amount("principals[" + i + "]", claims.get(i)))
                .toList();
        if (!EURO.equals(Checks.currency("currency", currency))) {
            throw new IllegalArgumentException("currency: the statutory collection costs are set in EUR, was " + currency);
        }
        Checks.present("debtorType", debtorType);
        Checks.present("inDefaultSince", inDefaultSince);
        Checks.present("vatUplift", vatUplift);
        if (contractualPercent != null) {
            Checks.percent("contractualPercent", contractualPercent);
            if (debtorType == DebtorType.CONSUMER) {
                throw new IllegalArgumentException(
                        "contractualPercent: not allowed for consumers, the scale is a binding maximum for them");
            }
        }
    }

    /** Costs on the claims of a consumer, in euro, without VAT uplift, contract or recurring terms. */
    public static CostsRequest consumer(LocalDate inDefaultSince, BigDecimal... principals) {
        return new CostsRequest(List.of(principals), EURO, DebtorType.CONSUMER, inDefaultSince, VatUplift.none(),
                null, null);
    }

    /** Costs on the claims of a business, in euro, under the scale (no contractual percentage). */
    public static CostsRequest business(LocalDate inDefaultSince, BigDecimal... principals) {
        return new CostsRequest(List.of(principals), EURO, DebtorType.BUSINESS, inDefaultSince, VatUplift.none(),
                null, null);
    }

    public CostsRequest withVatUplift(VatUplift uplift) {
        return new CostsRequest(principals, currency, debtorType, inDefaultSince, uplift, contractualPercent,
                recurringTerms);
    }

    public CostsRequest withContractualPercent(BigDecimal percent) {
        return new CostsRequest(principals, currency, debtorType, inDefaultSince, vatUplift, percent, recurringTerms);
    }

    public CostsRequest withRecurringTerms(RecurringTerms terms) {
        return new CostsRequest(principals, currency, debtorType, inDefaultSince, vatUplift, contractualPercent, terms);
    }

    /** The sum the scale applies to. */
    public BigDecimal totalPrincipal() {
        return principals.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
