package io.creditflow.payments.statement;

import io.creditflow.shared.Money;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates, amounts and balances as MT940 writes them. */
final class Mt940Values {

    private static final Pattern BALANCE = Pattern.compile("([CD])(\\d{6})([A-Z]{3})(\\d{1,15},\\d{0,2})\\s*");

    private Mt940Values() {
    }

    /** {@code YYMMDD}; SWIFT years are 2000-2099 for every statement this system will see. */
    static LocalDate date(String yymmdd, String location) {
        try {
            return LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException | NumberFormatException e) {
            throw new StatementFormatException(location, "'" + yymmdd + "' is not a date in YYMMDD form", e);
        }
    }

    /** {@code 000000001147,95} or {@code 5,} - a decimal comma, never grouping. */
    static BigDecimal amount(String text, String location) {
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new StatementFormatException(location, "'" + text + "' is not an amount", e);
        }
    }

    /** {@code :60F:}/{@code :62F:} content: {@code C130402EUR000000001147,95}. */
    static Balance balance(String text, String tag, String location) {
        Matcher m = BALANCE.matcher(text.strip());
        if (!m.matches()) {
            throw new StatementFormatException(location, "balance :" + tag + ":" + text
                    + " is not 'C|D YYMMDD CCY amount'");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(m.group(3));
        } catch (IllegalArgumentException e) {
            throw new StatementFormatException(location, "'" + m.group(3) + "' is not a currency", e);
        }
        Money amount;
        try {
            amount = Money.of(amount(m.group(4), location), currency);
        } catch (IllegalArgumentException e) {
            throw new StatementFormatException(location, e.getMessage(), e);
        }
        return new Balance(m.group(1).equals("D") ? amount.negate() : amount, date(m.group(2), location));
    }
}
