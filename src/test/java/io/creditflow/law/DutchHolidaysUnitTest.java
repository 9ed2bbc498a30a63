package io.creditflow.law;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DutchHolidaysUnitTest {

    // Known Easter Sundays, including the earliest (22 March) and latest (25 April) possible dates.
    @ParameterizedTest
    @CsvSource({"1961, 1961-04-02", "2008, 2008-03-23", "2011, 2011-04-24", "2019, 2019-04-21", "2024, 2024-03-31",
            "2025, 2025-04-20", "2026, 2026-04-05", "2038, 2038-04-25", "2285, 2285-03-22"})
    void easterSunday(int year, LocalDate easter) {
        assertThat(DutchHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void holidaysOf2025ForThePost() {
        assertThat(DutchHolidays.postal().holidaysIn(2025)).extracting(DutchHolidays.Holiday::date).containsExactly(
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 20), LocalDate.of(2025, 4, 21),
                LocalDate.of(2025, 4, 26), // 27 April 2025 is a Sunday: King's Day moves to Saturday the 26th
                LocalDate.of(2025, 5, 5),  // Liberation Day: 2025 is a lustrum year
                LocalDate.of(2025, 5, 29), LocalDate.of(2025, 6, 8), LocalDate.of(2025, 6, 9),
                LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26));
    }

    @Test
    void liberationDayAndGoodFridayAreChoices() {
        LocalDate liberation2026 = LocalDate.of(2026, 5, 5);
        assertThat(DutchHolidays.postal().isHoliday(liberation2026)).isFalse();
        assertThat(DutchHolidays.generalTermsAct().name(liberation2026)).contains("Bevrijdingsdag");
        assertThat(new DutchHolidays(DutchHolidays.LiberationDay.NEVER, false, Set.of())
                .isHoliday(LocalDate.of(2025, 5, 5))).isFalse();

        LocalDate goodFriday = LocalDate.of(2025, 4, 18);
        assertThat(DutchHolidays.postal().isHoliday(goodFriday)).isFalse();
        assertThat(new DutchHolidays(DutchHolidays.LiberationDay.NEVER, true, Set.of()).name(goodFriday))
                .contains("Goede Vrijdag");
    }

    @Test
    void kingsDayAndQueensDay() {
        assertThat(DutchHolidays.kingsDay(2014).date()).isEqualTo(LocalDate.of(2014, 4, 26)); // the 27th: Sunday
        assertThat(DutchHolidays.kingsDay(2026).date()).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(DutchHolidays.kingsDay(2013)).isEqualTo(
                new DutchHolidays.Holiday(LocalDate.of(2013, 4, 30), "Koninginnedag"));
    }

    @Test
    void operatorsAddClosedDays() {
        LocalDate strike = LocalDate.of(2025, 6, 12);
        DutchHolidays holidays = new DutchHolidays(DutchHolidays.LiberationDay.EVERY_FIFTH_YEAR, false, Set.of(strike));
        assertThat(holidays.name(strike)).contains("extra closed day");
        assertThat(holidays.holidaysIn(2025)).extracting(DutchHolidays.Holiday::date).contains(strike);
    }

    @ParameterizedTest(name = "posted {0} -> delivered {1}")
    @CsvSource({
            "2025-03-13, 2025-03-14", // Thursday -> Friday
            "2025-03-14, 2025-03-15", // Friday -> Saturday
            "2025-03-15, 2025-03-18", // Saturday -> no post on Sunday or Monday -> Tuesday
            "2025-04-19, 2025-04-22", // Easter Saturday -> Easter Monday -> Tuesday
            "2025-12-24, 2025-12-27", // Christmas Eve -> both Christmas days -> Saturday
            "2035-05-04, 2035-05-08"}) // Friday -> Liberation Day (lustrum) on Saturday -> Tuesday
    void postIsDeliveredOnTheNextDeliveryDay(LocalDate posted, LocalDate delivered) {
        assertThat(DeliveryRule.dutchPost().assumedDelivery(posted)).isEqualTo(delivered);
    }

    @Test
    void deliveryRulesAreConfigurable() {
        assertThat(DeliveryRule.sameDay().assumedDelivery(LocalDate.of(2025, 3, 16))).isEqualTo(LocalDate.of(2025, 3, 16));
        DeliveryRule mondayToSaturday = new DeliveryRule(1, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                DutchHolidays.postal());
        assertThat(mondayToSaturday.assumedDelivery(LocalDate.of(2025, 3, 15))).isEqualTo(LocalDate.of(2025, 3, 17));
        DeliveryRule twoDays = new DeliveryRule(2, DeliveryRule.dutchPost().deliveryWeekdays(), DutchHolidays.postal());
        assertThat(twoDays.assumedDelivery(LocalDate.of(2025, 3, 14))).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(DeliveryRule.dutchPost().describe()).contains("tuesday", "saturday", "every fifth year");
        assertThat(DeliveryRule.sameDay().describe()).isEqualTo("delivered on the day of sending");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryRule(1, Set.of(), DutchHolidays.postal()))
                .withMessageStartingWith("deliveryWeekdays: at least one");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryRule(-1, Set.of(DayOfWeek.MONDAY),
                DutchHolidays.postal())).withMessageStartingWith("deliveryDaysAfterSending: must be 0 to 10");
    }
}
