package io.creditflow.law;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * Input checks shared by the calculators. Every message starts with the field name so an API layer can map it to
 * the offending request field without parsing prose.
 */
final class Checks {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Checks() {
    }

    static <T> T present(String field, @Nullable T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    /** A money amount: present, not negative, at most two decimals; returned with exactly two decimals. */
    static BigDecimal amount(String field, @Nullable BigDecimal value) {
        BigDecimal present = present(field, value);
        if (present.signum() < 0) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + present.toPlainString());
        }
        if (present.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(field + ": must have at most 2 decimals, was " + present.toPlainString());
        }
        return present.setScale(2, RoundingMode.UNNECESSARY);
    }

    static BigDecimal positiveAmount(String field, @Nullable BigDecimal value) {
        BigDecimal amount = amount(field, value);
        if (amount.signum() == 0) {
            throw new IllegalArgumentException(field + ": must be greater than zero");
        }
        return amount;
    }

    /** A percentage between 0 and 100 inclusive, kept at the precision it was given in. */
    static BigDecimal percent(String field, @Nullable BigDecimal value) {
        BigDecimal present = present(field, value);
        if (present.signum() < 0 || present.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(field + ": must be between 0 and 100, was " + present.toPlainString());
        }
        return present;
    }

    /** An ISO 4217 code of a currency with cents: Creditflow keeps every amount with two decimals. */
    static String currency(String field, @Nullable String code) {
        String present = present(field, code);
        Currency currency;
        try {
            currency = Currency.getInstance(present);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(field + ": unknown ISO 4217 currency code '" + present + "'");
        }
        if (currency.getDefaultFractionDigits() != 2) {
            throw new IllegalArgumentException(field + ": " + present + " has " + currency.getDefaultFractionDigits()
                    + " decimals; amounts here have exactly 2");
        }
        return present;
    }

    /** An immutable copy whose elements are all present, with the index in the message of the missing one. */
    static <T> List<T> list(String field, @Nullable List<? extends @Nullable T> values) {
        List<? extends @Nullable T> present = present(field, values);
        List<T> copy = new ArrayList<>(present.size());
        for (int i = 0; i < present.size(); i++) {
            copy.add(present(field + "[" + i + "]", present.get(i)));
        }
        return Collections.unmodifiableList(copy);
    }

    static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    static String eur(BigDecimal amount) {
        return "EUR " + amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
