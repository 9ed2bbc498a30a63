package io.creditflow.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BetalingskenmerkUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"5000056789012345", "5010002167010010", "3010002167042021", "0001041146910100",
            "9001041146812501", "2017166777600001", "3961307998410020"})
    void acceptsTheDomainVectors(String text) {
        assertThat(Betalingskenmerk.isValid(text)).isTrue();
        assertThat(new Betalingskenmerk(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9001123412341234", "1070123412341234"})
    void rejectsTheIngDummies(String text) {
        assertThatThrownBy(() -> new Betalingskenmerk(text)).hasMessageContaining("check digit");
    }

    @Test
    void recomputesTheCheckDigitOfAVector() {
        assertThat(Betalingskenmerk.checkDigit("000056789012345")).isEqualTo('5');
    }

    @Test
    void acceptsSevenDigitsWithoutCheck() {
        assertThat(Betalingskenmerk.isValid("1234567")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "123456789012345", "12345", "12345678901234567", "", "50000567890123AB"})
    void rejectsLengthsAndCharactersThatDoNotExist(String text) {
        assertThat(Betalingskenmerk.isValid(text)).isFalse();
    }

    @Test
    void explainsAWrongLengthCode() {
        Betalingskenmerk valid = Betalingskenmerk.generate(1234567, 9);
        assertThat(valid.value().charAt(1)).isEqualTo('7');
        String wrongLength = valid.value().charAt(0) + "8" + valid.value().substring(2);
        assertThatThrownBy(() -> new Betalingskenmerk(wrongLength)).hasMessageContaining("length code 8");
    }

    @Test
    void normalisesSpacesAndFormats() {
        Betalingskenmerk kenmerk = Betalingskenmerk.parse("5000 0567 8901 2345");
        assertThat(kenmerk.value()).isEqualTo("5000056789012345");
        assertThat(kenmerk.formatted()).isEqualTo("5000 0567 8901 2345");
        assertThat(kenmerk.structured()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"56789012345,5000056789012345", "0,0000000000000000"})
    void generatesFromASequenceNumber(long sequence, String expected) {
        assertThat(Betalingskenmerk.generate(sequence).value()).isEqualTo(expected);
    }

    @Test
    void refusesSequencesThatDoNotFit() {
        assertThatThrownBy(() -> Betalingskenmerk.generate(1_000_000_000_000_000L)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> Betalingskenmerk.generate(-1)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> Betalingskenmerk.generate(1000, 15)).hasMessageContaining("9-14 or 16");
        assertThatThrownBy(() -> Betalingskenmerk.generate(10_000_000, 9)).hasMessageContaining("does not fit");
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void generatedReferencesValidateAndAnyOtherCheckDigitFails(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] lengths = {9, 10, 11, 12, 13, 14, 16};
        int length = lengths[random.nextInt(lengths.length)];
        long max = Long.parseLong("9".repeat(length == 16 ? 15 : length - 2));
        Betalingskenmerk generated = Betalingskenmerk.generate(random.nextLong(max + 1), length);

        assertThat(generated.value()).hasSize(length);
        assertThat(Betalingskenmerk.parse(generated.formatted())).isEqualTo(generated);
        assertThat(PaymentReference.parse(generated.value())).isEqualTo(generated);
        for (char check = '0'; check <= '9'; check++) {
            if (check != generated.value().charAt(0)) {
                assertThat(Betalingskenmerk.isValid(check + generated.value().substring(1))).isFalse();
            }
        }
    }
}
