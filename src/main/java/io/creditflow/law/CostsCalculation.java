package io.creditflow.law;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Collection costs with the computation that led to them, in the order applied: the scale's bracket lines, the
 * rounded scale amount, then each adjustment (minimum or maximum, contractual percentage, recurring-claims cap, VAT
 * uplift) with the amount before and after.
 *
 * @param principal                 the summed principal the scale applied to
 * @param scaleVersion              which {@link CostScale} was used
 * @param lines                     exact contribution of each bracket reached
 * @param scaleAmount               the sum of the lines rounded half-up to cents, before minimum and maximum
 * @param adjustments               what changed the scale amount, in order
 * @param costsExcludingVat         the compensation before any VAT uplift
 * @param vat                       the VAT uplift, zero when it does not apply
 * @param costs                     what may be claimed: {@code costsExcludingVat + vat}
 * @param requiresFourteenDayLetter true for consumers: nothing is owed without a valid 14-day letter
 * @param owedWithoutReminderFrom   businesses: the day from which {@code owedWithoutReminder} is owed; else null
 * @param owedWithoutReminder       businesses: the minimum owed from the day after the due date without any
 *                                  reminder (6:96 lid 4), with the VAT uplift when it applies; zero for consumers
 * @param notes                     why rules did not apply or what a court may still do, for the console
 */
public record CostsCalculation(BigDecimal principal, DebtorType debtorType, String scaleVersion,
                               List<CostScale.BracketLine> lines, BigDecimal scaleAmount, List<Adjustment> adjustments,
                               BigDecimal costsExcludingVat, BigDecimal vat, BigDecimal costs,
                               boolean requiresFourteenDayLetter, @Nullable LocalDate owedWithoutReminderFrom,
                               BigDecimal owedWithoutReminder, List<String> notes) {

    public CostsCalculation {
        lines = List.copyOf(lines);
        adjustments = List.copyOf(adjustments);
        notes = List.copyOf(notes);
    }

    public boolean vatUpliftApplied() {
        return vat.signum() > 0;
    }

    /** One step that changed the amount. */
    public record Adjustment(Kind kind, BigDecimal before, BigDecimal after, String explanation) {
    }

    public enum Kind {
        MINIMUM, MAXIMUM, CONTRACTUAL_PERCENTAGE, RECURRING_CLAIMS_CAP, VAT_UPLIFT
    }
}
