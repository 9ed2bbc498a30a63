package io.creditflow.law;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one payment was allocated: a line per claim in the order the law served them (claims the payment did not
 * reach included, with zeros, so the console can show why), and what was left over.
 *
 * @param unallocated what exceeds everything open: an overpayment, to credit or refund
 */
public record Allocation(BigDecimal payment, List<ClaimAllocation> claims, BigDecimal unallocated) {

    public Allocation {
        claims = List.copyOf(claims);
    }

    public BigDecimal allocated() {
        return payment.subtract(unallocated);
    }

    /**
     * What one claim received, costs first, then interest, then principal (art. 6:44 BW).
     *
     * @param rank     1 for the claims served first; claims sharing a rank were equal under the law's order
     * @param basis    why the claim ranks where it does
     * @param proRata  the claim shared a payment that did not cover its rank, in proportion to what was open
     * @param openAfter what remains open on the claim
     */
    public record ClaimAllocation(String claimId, int rank, Basis basis, boolean proRata, BigDecimal toCosts,
                                  BigDecimal toInterest, BigDecimal toPrincipal, BigDecimal openAfter) {

        public BigDecimal total() {
            return toCosts.add(toInterest).add(toPrincipal);
        }
    }

    /** The step of art. 6:43 BW that placed a claim. */
    public enum Basis {
        /** The debtor named it. */
        DESIGNATED,
        /** Due on the day of payment; ordered most burdensome, then oldest. */
        DUE,
        /** Not yet due: served only after every due claim, in the same order. */
        NOT_YET_DUE
    }
}
