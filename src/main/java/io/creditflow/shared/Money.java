package io.creditflow.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency, always at the currency's own scale (2 for EUR). A value with more
 * decimals than the currency has is refused rather than rounded: a cent that silently disappears is a ledger bug.
 * Arithmetic between different currencies is refused as well. Never built from a double.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public static final Currency EUR = Currency.getInstance("EUR");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = currency.getDefaultFractionDigits();
        if (scale < 0) {
            throw new IllegalArgumentException("Currency " + currency + " has no minor unit and cannot hold money");
        }
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(
                    "Amount " + amount.toPlainString() + " has more than " + scale + " decimals for " + currency);
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** An amount written as a plain decimal ({@code "-1234.56"}) in a currency code ({@code "EUR"}). */
    public static Money of(String plainAmount, String currencyCode) {
        return new Money(plainDecimal(plainAmount), currency(currencyCode));
    }

    public static Money euros(String plainAmount) {
        return new Money(plainDecimal(plainAmount), EUR);
    }

    /** From the smallest unit (cents for EUR), the form amounts travel in through payment providers' APIs. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Parses an amount written the way {@code format} writes it, with an optional leading sign. */
    public static Money parse(String text, AmountFormat format, Currency currency) {
        return new Money(AmountText.parse(text, format), currency);
    }

    /**
     * Parses an amount whose format is not known, deciding from the text itself. Refuses text that both formats
     * read differently, such as {@code "1.234"} (one thousand two hundred thirty-four, or one and a bit?).
     */
    public static Money parseUnambiguous(String text, Currency currency) {
        return parse(text, AmountText.detect(text), currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return amount.signum() < 0 ? negate() : this;
    }

    /** Multiplies by a factor (a rate, a quantity) and rounds to the currency's scale the way the caller says. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return new Money(amount.multiply(factor).setScale(amount.scale(), rounding), currency);
    }

    /**
     * Splits into {@code parts} amounts that differ by at most one minor unit and add up exactly to this amount;
     * the first ones take the remainder (instalment plans: the first instalment absorbs the odd cent).
     */
    public List<Money> split(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("Cannot split money into " + parts + " parts");
        }
        long minor = minorUnits();
        long base = minor / parts;
        long remainder = minor % parts;
        List<Money> result = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            long extra = i < Math.abs(remainder) ? Long.signum(remainder) : 0;
            result.add(ofMinor(base + extra, currency));
        }
        return result;
    }

    /** The amount in the smallest unit; fails rather than overflows for absurd amounts. */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** The amount with grouping and decimal separators as {@code format} writes them, e.g. {@code -1.234,56}. */
    public String format(AmountFormat format) {
        return AmountText.format(amount, format);
    }

    /** {@code "1234.56"}: the plain form for JSON, CSV exports and XML such as pain.008. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + this + " with " + other + ": currencies differ");
        }
        return other;
    }

    private static BigDecimal plainDecimal(String text) {
        Objects.requireNonNull(text, "amount");
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a plain decimal amount such as 1234.56", e);
        }
    }

    private static Currency currency(String code) {
        Objects.requireNonNull(code, "currency");
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code", e);
        }
    }
}
