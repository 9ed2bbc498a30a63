package io.creditflow.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KvkNumberAndPostcodeUnitTest {

    @Test
    void kvkNumberIsEightDigits() {
        assertThat(new KvkNumber("6924 1234").value()).isEqualTo("69241234");
        assertThatThrownBy(() -> new KvkNumber("1234567")).hasMessageContaining("eight digits");
        assertThatThrownBy(() -> new KvkNumber("1234567A")).hasMessageContaining("eight digits");
    }

    @ParameterizedTest
    @CsvSource({"1234ab,1234 AB", "1234 AB,1234 AB", " 9999zz ,9999 ZZ", "1011AC,1011 AC"})
    void normalisesPostcodes(String text, String expected) {
        DutchPostcode postcode = DutchPostcode.parse(text);
        assertThat(postcode.value()).isEqualTo(expected);
        assertThat(postcode.digits()).isEqualTo(expected.substring(0, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123 AB", "123 AB", "1234 A", "1234 A1", "1234  AB", "12345 AB", ""})
    void rejectsMalformedPostcodes(String text) {
        assertThatThrownBy(() -> DutchPostcode.parse(text)).hasMessageContaining("not a Dutch postcode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234 SA", "1234sd", "1234 SS"})
    void rejectsLetterPairsThatAreNotIssued(String text) {
        assertThatThrownBy(() -> DutchPostcode.parse(text)).hasMessageContaining("are not issued");
    }
}
