package io.creditflow.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IbanUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164300", "NL86INGB0002445588", "NL69INGB0123456789"})
    void acceptsTheDomainVectors(String text) {
        assertThat(new Iban(text).value()).isEqualTo(text);
        assertThat(Iban.isValid(text)).isTrue();
    }

    @Test
    void normalisesSpacesAndCase() {
        Iban iban = Iban.parse(" nl91 abna 0417 1643 00 ");
        assertThat(iban.value()).isEqualTo("NL91ABNA0417164300");
        assertThat(iban.formatted()).isEqualTo("NL91 ABNA 0417 1643 00");
        assertThat(iban.countryCode()).isEqualTo("NL");
        assertThat(iban.checkDigits()).isEqualTo("91");
        assertThat(iban.bankCode()).isEqualTo("ABNA");
        assertThat(iban.bban()).isEqualTo("ABNA0417164300");
        assertThat(iban).hasToString("NL91ABNA0417164300").isEqualTo(new Iban("NL91ABNA0417164300"));
    }

    @Test
    void masksAllButBankAndLastFour() {
        assertThat(new Iban("NL91ABNA0417164300").masked()).isEqualTo("NL91 ABNA **** **43 00");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> new Iban("NL92ABNA0417164300")).hasMessageContaining("wrong check digits 92");
        assertThatThrownBy(() -> new Iban("NL91ABNA041716430")).hasMessageContaining("invalid");
        assertThatThrownBy(() -> new Iban("NL91-ABNA-0417")).hasMessageContaining("'-' is not allowed");
        assertThatThrownBy(() -> new Iban("12")).hasMessageContaining("country code");
        assertThatThrownBy(() -> new Iban("X".repeat(10_000))).hasMessageContaining("too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NL", "NL91ABNA04171643000", "QQ91ABNA0417164300", "NL91 ABNA 0417 1643 01",
            "NL9IABNA0417164300"})
    void rejects(String text) {
        assertThat(Iban.isValid(text)).isFalse();
        assertThatThrownBy(() -> new Iban(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void everySingleDigitChangeIsCaught(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String iban = IbanGenerator.dutch(random).value();
        int position = 4 + random.nextInt(iban.length() - 4);
        char original = iban.charAt(position);
        if (Character.isDigit(original)) {
            char replacement = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
            String mutated = iban.substring(0, position) + replacement + iban.substring(position + 1);
            assertThat(Iban.isValid(mutated)).as(mutated).isFalse();
        }
    }
}
