package io.creditflow.receivables;

import io.creditflow.platform.BusinessRuleException.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The date of birth of a consumer debtor: an ISO date, not in the future wherever the server runs. */
class DebtorValidationUnitTest {

    private static List<FieldError> withBirthDate(String dateOfBirth) {
        return DebtorValidation.check(new DebtorInput("K-1", DebtorType.CONSUMER, "nl", "EMAIL", "NL", List.of(),
                new DebtorProfile("Sanne Willems", null, dateOfBirth, List.of(), List.of(), List.of(), List.of(),
                        null, null, null)));
    }

    @Test
    void someoneBornTodayInAmsterdamIsAcceptedWhateverTheServersZone() {
        // between 22:00 and 24:00 UTC it is already tomorrow in Amsterdam: a JVM in UTC must still take that date
        assertThat(withBirthDate(LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString())).isEmpty();
        assertThat(withBirthDate(LocalDate.now(ZoneOffset.UTC).toString())).isEmpty();
    }

    @Test
    void aDateAfterTodayEverywhereIsRefusedByField() {
        String future = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        assertThat(withBirthDate(future)).containsExactly(new FieldError("dateOfBirth", "in the future"));
    }

    @Test
    void aMalformedDateNamesTheExpectedFormat() {
        assertThat(withBirthDate("27-04-1980")).extracting(FieldError::field).containsExactly("dateOfBirth");
    }
}
