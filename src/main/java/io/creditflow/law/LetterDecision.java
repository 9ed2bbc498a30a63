package io.creditflow.law;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether collection costs may be charged on a date on the strength of a letter, with the evidence to store with
 * the invoice and the reasons in words.
 *
 * @param letterRequired       false for business debtors: no 14-day letter is needed
 * @param valid                the letter meets every requirement (always true when none is required)
 * @param checkedOn            the date asked about
 * @param costsMayBeCharged    costs may be charged on {@code checkedOn} if the claims are still unpaid
 * @param costsChargeableFrom  the first day costs may be charged; null when the letter is defective
 * @param costs                the collection costs on the summed principals, as the letter must state them
 * @param evidence             sending, assumed delivery and deadline, with the rules used
 * @param defects              what makes the letter fail; empty when valid
 * @param reasons              the decision in words for the console
 */
public record LetterDecision(boolean letterRequired, boolean valid, LocalDate checkedOn, boolean costsMayBeCharged,
                             @Nullable LocalDate costsChargeableFrom, CostsCalculation costs, Evidence evidence,
                             List<Finding> defects, List<String> reasons) {

    public LetterDecision {
        defects = List.copyOf(defects);
        reasons = List.copyOf(reasons);
    }

    /**
     * @param sentOn            the day of sending in the rules' zone
     * @param assumedDelivery   the day the debtor is assumed to receive the letter
     * @param deliveryRule      that assumption in words
     * @param statutoryDeadline the last day of the 14 days from the day after delivery (extended when configured)
     * @param deadline          the last day to pay without costs: the statutory deadline or the stated day if later
     */
    public record Evidence(Instant sentAt, Channel channel, LocalDate sentOn, LocalDate assumedDelivery,
                           String deliveryRule, LocalDate statutoryDeadline, LocalDate deadline) {
    }

    public record Finding(Defect defect, String explanation) {
    }

    /** Why a letter fails; any one means the consumer owes no collection costs on it (a new letter may be sent). */
    public enum Defect {
        SENT_BEFORE_DEFAULT, TERM_TOO_SHORT, TERM_COUNTED_FROM_LETTER_DATE, COSTS_NOT_STATED, COSTS_WRONG,
        VAT_DECLARATION_MISSING, NOT_FREE_OF_CHARGE
    }
}
