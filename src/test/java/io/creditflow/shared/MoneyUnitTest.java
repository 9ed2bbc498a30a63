package io.creditflow.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.SplittableRandom;

import static io.creditflow.shared.Money.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyUnitTest {

    @Test
    void keepsTheCurrencyScale() {
        assertThat(Money.euros("12.5").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("7", "JPY").amount().scale()).isZero();
        assertThat(Money.euros("1.230")).isEqualTo(Money.euros("1.23"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.euros("1.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).hasMessageContaining("more than 0 decimals");
    }

    @Test
    void refusesBadCurrenciesAndText() {
        assertThatThrownBy(() -> Money.of("1", "EURO")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of("1", "XXX")).hasMessageContaining("no minor unit");
        assertThatThrownBy(() -> Money.euros("1,50")).hasMessageContaining("plain decimal");
    }

    @Test
    void arithmetic() {
        Money a = Money.euros("100.10");
        Money b = Money.euros("0.20");
        assertThat(a.plus(b)).isEqualTo(Money.euros("100.30"));
        assertThat(b.minus(a)).isEqualTo(Money.euros("-99.90"));
        assertThat(b.minus(a).abs()).isEqualTo(Money.euros("99.90"));
        assertThat(a.negate().isNegative()).isTrue();
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(a.times(new BigDecimal("0.08"), RoundingMode.HALF_UP)).isEqualTo(Money.euros("8.01"));
        assertThat(a.minorUnits()).isEqualTo(10_010L);
        assertThat(Money.ofMinor(-5, EUR)).isEqualTo(Money.euros("-0.05"));
    }

    @Test
    void comparison() {
        Money small = Money.euros("9.99");
        Money large = Money.euros("10.00");
        assertThat(small.isLessThan(large)).isTrue();
        assertThat(large.isGreaterThan(small)).isTrue();
        assertThat(small.min(large)).isEqualTo(small);
        assertThat(small.max(large)).isEqualTo(large);
        assertThat(small.compareTo(Money.euros("9.990"))).isZero();
    }

    @Test
    void refusesMixingCurrencies() {
        Money usd = Money.of("1.00", "USD");
        assertThatThrownBy(() -> Money.euros("1.00").plus(usd)).hasMessageContaining("currencies differ");
        assertThatThrownBy(() -> Money.euros("1.00").compareTo(usd)).hasMessageContaining("currencies differ");
    }

    @ParameterizedTest
    @CsvSource({"100.00,3,33.34|33.33|33.33", "-1.01,2,-0.51|-0.50", "0.02,3,0.01|0.01|0.00"})
    void splitsWithoutLosingACent(String total, int parts, String expected) {
        assertThat(Money.euros(total).split(parts)).extracting(Money::toPlainString)
                .containsExactly(expected.split("\\|"));
    }

    @ParameterizedTest
    @CsvSource({"'1.234,56',1234.56", "'1234,5',1234.50", "'-1.234.567,89',-1234567.89", "'12',12.00",
            "'+0,01',0.01", "' 1.000 ',1000.00"})
    void parsesDutch(String text, String plain) {
        assertThat(Money.parse(text, AmountFormat.DUTCH, EUR)).isEqualTo(Money.euros(plain));
    }

    @ParameterizedTest
    @CsvSource({"'1,234.56',1234.56", "'1234.56',1234.56", "'-1,234,567.8',-1234567.80", "'1,000',1000.00"})
    void parsesInternational(String text, String plain) {
        assertThat(Money.parse(text, AmountFormat.INTERNATIONAL, EUR)).isEqualTo(Money.euros(plain));
    }

    @ParameterizedTest
    @CsvSource({"'1.234,56',1234.56", "'1,234.56',1234.56", "'1234.56',1234.56", "'1234,56',1234.56",
            "'12,5',12.50", "'1.234.567',1234567.00", "'1,234,567',1234567.00", "'-17',-17.00"})
    void detectsTheFormatWhenUnambiguous(String text, String plain) {
        assertThat(Money.parseUnambiguous(text, EUR)).isEqualTo(Money.euros(plain));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234", "1,234", "-999.000"})
    void refusesAmbiguousAmounts(String text) {
        assertThatThrownBy(() -> Money.parseUnambiguous(text, EUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambiguous");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.23.4", "12,34,5", "1 234,56", "1.2345,00", "--1", "1e5", "€ 12"})
    void refusesMalformedDutchAmounts(String text) {
        assertThatThrownBy(() -> Money.parse(text, AmountFormat.DUTCH, EUR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesHugeText() {
        assertThatThrownBy(() -> Money.parse("9".repeat(10_000), AmountFormat.DUTCH, EUR))
                .hasMessageContaining("too long");
    }

    @Test
    void formats() {
        assertThat(Money.euros("-1234567.8").format(AmountFormat.DUTCH)).isEqualTo("-1.234.567,80");
        assertThat(Money.euros("999.99").format(AmountFormat.INTERNATIONAL)).isEqualTo("999.99");
        assertThat(Money.euros("1000").format(AmountFormat.INTERNATIONAL)).isEqualTo("1,000.00");
        assertThat(Money.euros("1.5")).hasToString("EUR 1.50");
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void formatThenParseRoundTrips(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Money money = Money.ofMinor(random.nextLong(-10_000_000_000L, 10_000_000_000L), EUR);
        for (AmountFormat format : AmountFormat.values()) {
            String text = money.format(format);
            assertThat(Money.parse(text, format, EUR)).isEqualTo(money);
            assertThat(Money.parseUnambiguous(text, EUR)).isEqualTo(money);
        }
    }

    @ParameterizedTest
    @MethodSource("io.creditflow.shared.Seeds#hundred")
    void splitAddsUp(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Money money = Money.ofMinor(random.nextLong(-1_000_000, 1_000_000), Currency.getInstance("EUR"));
        int parts = random.nextInt(1, 13);
        assertThat(money.split(parts).stream().reduce(Money.zero(EUR), Money::plus)).isEqualTo(money);
    }

}
