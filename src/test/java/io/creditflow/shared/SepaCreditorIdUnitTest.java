package io.creditflow.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SepaCreditorIdUnitTest {

    @Test
    void acceptsTheDomainVector() {
        SepaCreditorId id = SepaCreditorId.parse("nl32 zzz 999999991234");
        assertThat(id.value()).isEqualTo("NL32ZZZ999999991234");
        assertThat(id.countryCode()).isEqualTo("NL");
        assertThat(id.businessCode()).isEqualTo("ZZZ");
        assertThat(id.kvkNumber()).isEqualTo(new KvkNumber("99999999"));
    }

    @Test
    void createsForADutchCompany() {
        assertThat(SepaCreditorId.forDutchCompany(new KvkNumber("99999999"), "1234").value())
                .isEqualTo("NL32ZZZ999999991234");
    }

    @Test
    void ignoresTheBusinessCodeInTheCheck() {
        assertThat(SepaCreditorId.parse("NL32ABC999999991234").businessCode()).isEqualTo("ABC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL33ZZZ999999991234", "NL32ZZZ99999999123", "NL32ZZZ9999999912345", "NL32", ""})
    void rejects(String text) {
        assertThatThrownBy(() -> SepaCreditorId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainsWrongCheckDigits() {
        assertThatThrownBy(() -> SepaCreditorId.parse("NL33ZZZ999999991234"))
                .hasMessageContaining("check digits 33 where 32 is expected");
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void roundTrips(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        KvkNumber kvk = new KvkNumber(String.format("%08d", random.nextInt(100_000_000)));
        SepaCreditorId id = SepaCreditorId.forDutchCompany(kvk, String.format("%04d", random.nextInt(10_000)));
        assertThat(SepaCreditorId.parse(id.value())).isEqualTo(id);
        assertThat(id.kvkNumber()).isEqualTo(kvk);
    }
}
