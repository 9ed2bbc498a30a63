package io.creditflow.payments.arrangements;

import io.creditflow.payments.PaymentPlans.Frequency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The instalments of a plan: equal amounts in whole cents, the cents that do not divide evenly on the last one (100.00
 * in three is 33.33, 33.33, 33.34). Dates count from the first due date, so a plan starting on the 31st falls on the
 * last day of shorter months and returns to the 31st after.
 */
public final class InstalmentSchedule {

    public record Instalment(int number, LocalDate dueDate, BigDecimal amount) {
    }

    private InstalmentSchedule() {
    }

    public static List<Instalment> of(BigDecimal total, int count, LocalDate firstDue, Frequency frequency) {
        if (count < 1 || count > 60) {
            throw new IllegalArgumentException("A plan has 1 to 60 instalments, not " + count);
        }
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("A plan needs something to pay, not " + total);
        }
        BigDecimal each = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        if (each.signum() == 0) {
            throw new IllegalArgumentException(total + " cannot be paid in " + count + " instalments of at least 0.01");
        }
        BigDecimal last = total.subtract(each.multiply(BigDecimal.valueOf(count - 1)));
        List<Instalment> instalments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            instalments.add(new Instalment(i + 1, dueDate(firstDue, frequency, i), i == count - 1 ? last : each));
        }
        return instalments;
    }

    static LocalDate dueDate(LocalDate first, Frequency frequency, int index) {
        return switch (frequency) {
            case WEEKLY -> first.plusWeeks(index);
            case FORTNIGHTLY -> first.plusWeeks(2L * index);
            case MONTHLY -> first.plusMonths(index);
        };
    }
}
