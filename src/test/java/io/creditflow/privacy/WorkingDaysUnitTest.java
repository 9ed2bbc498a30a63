package io.creditflow.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines of data-subject requests: Dutch working days, and the GDPR's month per Regulation 1182/71. */
class WorkingDaysUnitTest {

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-16, 5, 2026-11-23",   // Monday: the next Monday
            "2026-12-18, 5, 2026-12-28",   // over Christmas (25, 26) and a weekend
            "2026-04-20, 5, 2026-04-28",   // King's Day (Monday 27 April 2026)
            "2025-04-30, 3, 2025-05-06",   // Liberation Day counts in a lustrum year (5 May 2025)
            "2026-05-04, 1, 2026-05-05",   // and not in 2026
            "2026-05-13, 1, 2026-05-15",   // Ascension Day (14 May 2026)
            "2026-11-21, 1, 2026-11-23",   // received on a Saturday
            "2026-12-31, 1, 2027-01-04"    // New Year and a weekend
    })
    void workingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(WorkingDays.add(from, days)).isEqualTo(expected);
        assertThat(WorkingDays.between(from, expected)).isEqualTo(days);
    }

    @ParameterizedTest(name = "one month from {0} = {1}")
    @CsvSource({
            "2026-03-16, 2026-04-16",
            "2026-01-31, 2026-03-02",      // 28 February 2026 is a Saturday: the next working day
            "2026-11-25, 2026-12-28",      // 25 December: Christmas, then the weekend
            "2028-01-31, 2028-02-29",      // leap year: the last day of February
            "2026-03-27, 2026-04-28"       // 27 April 2026 is King's Day: the next working day
    })
    void oneMonth(LocalDate from, LocalDate expected) {
        assertThat(WorkingDays.months(from, 1)).isEqualTo(expected);
    }
}
