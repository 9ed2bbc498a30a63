package io.creditflow.shared;

import org.iban4j.IbanUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IbanGeneratorUnitTest {

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void dutchIbansAreValidAndPassTheElfproef(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String bank = IbanGenerator.DUTCH_BANK_CODES.get(random.nextInt(IbanGenerator.DUTCH_BANK_CODES.size()));
        Iban iban = IbanGenerator.dutch(bank, random);
        assertThat(iban.value()).hasSize(18).startsWith("NL");
        assertThat(iban.bankCode()).isEqualTo(bank);
        assertThat(Iban.parse(iban.formatted())).isEqualTo(iban);
        assertThat(IbanUtil.isValidWithCountryRules(iban.value())).as(iban.value()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void belgianIbansCarryTheNationalCheck(long seed) {
        Iban iban = IbanGenerator.belgian(new SplittableRandom(seed));
        assertThat(iban.value()).hasSize(16).startsWith("BE");
        assertThat(IbanUtil.isValidWithCountryRules(iban.value())).as(iban.value()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void germanIbansAreValid(long seed) {
        Iban iban = IbanGenerator.german(new SplittableRandom(seed));
        assertThat(iban.value()).hasSize(22).startsWith("DE");
        assertThat(Iban.parse(iban.formatted())).isEqualTo(iban);
    }

    @Test
    void sameSeedSameIban() {
        assertThat(IbanGenerator.dutch("RABO", new SplittableRandom(7)))
                .isEqualTo(IbanGenerator.dutch("RABO", new SplittableRandom(7)));
    }

    @Test
    void refusesABadBankCode() {
        assertThatThrownBy(() -> IbanGenerator.dutch("ab12", new SplittableRandom(1)))
                .hasMessageContaining("four capital letters");
    }
}
