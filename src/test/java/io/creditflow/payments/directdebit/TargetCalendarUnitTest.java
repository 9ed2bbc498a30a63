package io.creditflow.payments.directdebit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TargetCalendarUnitTest {

    @Test
    void knowsTheTargetHolidays() {
        assertThat(io.creditflow.law.DutchHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(io.creditflow.law.DutchHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(TargetCalendar.isBusinessDay(LocalDate.of(2026, 4, 3))).as("Good Friday").isFalse();
        assertThat(TargetCalendar.isBusinessDay(LocalDate.of(2026, 4, 6))).as("Easter Monday").isFalse();
        assertThat(TargetCalendar.isBusinessDay(LocalDate.of(2026, 4, 27))).as("King's Day is a SEPA day").isTrue();
        assertThat(TargetCalendar.isBusinessDay(LocalDate.of(2026, 12, 26))).isFalse();
        assertThat(TargetCalendar.nextBusinessDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(TargetCalendar.nextBusinessDay(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 28));
    }
}
