package io.creditflow.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfCreditorReferenceUnitTest {

    @ParameterizedTest
    @CsvSource({"2348231,RF712348231", "5000056789012345,RF485000056789012345"})
    void createsTheDomainVectors(String reference, String expected) {
        RfCreditorReference created = RfCreditorReference.create(reference);
        assertThat(created.value()).isEqualTo(expected);
        assertThat(created.reference()).isEqualTo(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF18539007547034", "RF45G72UUR", "RF6518K5", "RF712348231", "rf18 5390 0754 7034"})
    void validatesTheDomainVectors(String text) {
        assertThat(RfCreditorReference.isValid(text)).isTrue();
    }

    @Test
    void formatsInGroupsOfFour() {
        assertThat(RfCreditorReference.parse("RF18539007547034").formatted()).isEqualTo("RF18 5390 0754 7034");
    }

    @Test
    void explainsWrongCheckDigits() {
        assertThatThrownBy(() -> RfCreditorReference.parse("RF19539007547034"))
                .hasMessageContaining("wrong check digits 19, expected 18");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RF", "RF18", "XX18539007547034", "RF18-5390", "RF1234567890123456789012345",
            "RFAB539007547034"})
    void rejectsMalformed(String text) {
        assertThat(RfCreditorReference.isValid(text)).isFalse();
    }

    @Test
    void refusesToCreateFromUnfitReferences() {
        assertThatThrownBy(() -> RfCreditorReference.create("INV-2024")).hasMessageContaining("1-21 letters");
        assertThatThrownBy(() -> RfCreditorReference.create("1234567890123456789012")).hasMessageContaining("1-21");
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void createdReferencesValidateAndCatchSingleChanges(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder reference = new StringBuilder();
        int length = 1 + random.nextInt(21);
        for (int i = 0; i < length; i++) {
            reference.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        RfCreditorReference created = RfCreditorReference.create(reference.toString());
        assertThat(RfCreditorReference.parse(created.formatted())).isEqualTo(created);
        assertThat(PaymentReference.parse(created.formatted())).isEqualTo(created);

        int position = 4 + random.nextInt(length);
        char original = created.value().charAt(position);
        char replacement = alphabet.charAt((alphabet.indexOf(original) + 1 + random.nextInt(35)) % 36);
        String mutated = created.value().substring(0, position) + replacement + created.value().substring(position + 1);
        assertThat(RfCreditorReference.isValid(mutated)).as(mutated).isFalse();
    }
}
