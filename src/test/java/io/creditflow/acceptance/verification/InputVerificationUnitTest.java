package io.creditflow.acceptance.verification;

import io.creditflow.acceptance.ApplicantType;
import io.creditflow.acceptance.CheckRequest;
import io.creditflow.platform.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputVerificationUnitTest {

    static final EmailAddresses EMAILS = EmailAddresses.fromBundledList();
    static final PostcodeAreas AREAS = PostcodeAreas.fromBundledTable();
    static final InputVerification VERIFY = new InputVerification(EMAILS, AREAS);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static CheckRequest request(CheckRequest.Person person, CheckRequest.Address address, String email, String phone) {
        return new CheckRequest("CONSUMER", person, null, address, null, email, phone, "NL91 ABNA 0417 1643 00",
                new CheckRequest.Order("99.95", "eur", "web", "books", "W-1", null), null);
    }

    @Test
    void normalisesWhatPeopleTypeInDifferentWays() {
        VerifiedApplicant a = VERIFY.verify(request(new CheckRequest.Person("JAN", "DE VRIES", "1980-02-29"),
                new CheckRequest.Address(" Kerkstraat ", "12 a", "1011ab", "Amsterdam", "nl"), "Jan.de.Vries@Example.NL",
                "06-12 34 56 78"), TODAY, Set.of());
        assertThat(a.firstName()).isEqualTo("Jan");
        assertThat(a.lastName()).isEqualTo("De Vries");
        assertThat(a.address().postcode()).isEqualTo("1011 AB");
        assertThat(a.address().houseNumber()).isEqualTo("12A");
        assertThat(a.email()).isEqualTo("jan.de.vries@example.nl");
        assertThat(a.phone()).isEqualTo("+31612345678");
        assertThat(a.phoneType()).isEqualTo("MOBILE");
        assertThat(a.iban()).isEqualTo("NL91ABNA0417164300");
        assertThat(a.order().currency()).isEqualTo("EUR");
        assertThat(a.age()).isEqualTo(46);
        assertThat(a.type()).isEqualTo(ApplicantType.CONSUMER);
    }

    @Test
    void everyMalformedFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> VERIFY.verify(new CheckRequest("CONSUMER",
                new CheckRequest.Person("", "Jansen", "2030-01-01"), null,
                new CheckRequest.Address(null, "A12", "1011", null, "NL"), null, "a@b", "+31 6 123",
                "NL91ABNA0417164301", new CheckRequest.Order("-5", "EURO", null, null, null, null), "fr"), TODAY, Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("person.firstName", "person.dateOfBirth",
                                "address.postcode", "address.houseNumber", "email", "phone", "iban", "order.amount",
                                "order.currency", "language"));
    }

    @Test
    void aBusinessNeedsItsChamberOfCommerceNumberInTheNetherlandsOnly() {
        CheckRequest dutch = new CheckRequest("BUSINESS", null, new CheckRequest.Company("Bakker B.V.", null),
                new CheckRequest.Address(null, "1", "1011 AB", null, "NL"), null, null, null, null,
                new CheckRequest.Order("10.00", "EUR", null, null, null, null), null);
        assertThatThrownBy(() -> VERIFY.verify(dutch, TODAY, Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().field())
                        .isEqualTo("company.chamberOfCommerce"));
        CheckRequest belgian = new CheckRequest("BUSINESS", null, new CheckRequest.Company("Bakker BV", null),
                new CheckRequest.Address(null, "1", "2000", null, "BE"), null, null, "+32 3 234 56 78", null,
                new CheckRequest.Order("10.00", "EUR", null, null, null, null), null);
        try {
            assertThat(VERIFY.verify(belgian, TODAY, Set.of()).phone()).isEqualTo("+3232345678");
        } catch (ValidationException e) {
            throw new AssertionError(e.errors().toString(), e);
        }
    }

    @ParameterizedTest
    @CsvSource({"someone@mailinator.com, true", "x@sub.yopmail.com, true", "anna@gmail.com, false",
            "info@bakkerij.nl, false"})
    void disposableDomainsComeFromTheBundledList(String email, boolean disposable) {
        assertThat(EMAILS.isDisposable(email.substring(email.indexOf('@') + 1), Set.of())).isEqualTo(disposable);
        assertThat(EMAILS.listSize()).isGreaterThan(5_000);
    }

    @Test
    void aTenantMayAllowAListedDomain() {
        assertThat(EMAILS.isDisposable("mailinator.com", Set.of("mailinator.com"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1011 AB, 1012 CD, 0", "1011 AB, 3511 CD, 35", "1011 AB, 6211 JK, 173", "9711 GH, 6211 JK, 262"})
    void deliveryDistanceIsBetweenPostcodeAreas(String a, String b, int km) {
        assertThat(AREAS.distanceKm(a, b)).isBetween(km - 15, km + 15);
        assertThat(AREAS.size()).isEqualTo(90);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"JAN DE VRIES|Jan de Vries", "pieter van den berg|Pieter van den Berg",
            "Müller-Lüdenscheidt|Müller-Lüdenscheidt", "o'brien|O'Brien", "  Anna   Maria |Anna Maria"})
    void namesAreNormalised(String raw, String expected) {
        assertThat(PersonNames.normalise(raw, 100)).isEqualTo(expected);
        assertThat(PersonNames.key("Müller")).isEqualTo("muller");
    }
}
