package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement line {@code :61:}: {@code YYMMDD [MMDD] C|D|RC|RD [funds code] amount N|F|S+type reference[//bank
 * reference]}, amounts with a decimal comma. Further lines carry supplementary details: ING's {@code /TRCD/} code or
 * Rabobank's counter-account.
 */
record Mt940Line61(LocalDate valueDate, LocalDate bookingDate, CreditDebit creditDebit, boolean reversal,
                   Money amount, String typeCode, String customerReference, @Nullable String bankReference,
                   @Nullable String transactionCode, @Nullable String supplementaryAccount) {

    private static final Pattern LINE = Pattern.compile(
            "(\\d{6})(\\d{4})?([Rr]?[CcDd])([A-Z])?(\\d{1,15},\\d{0,2})([NSF][A-Za-z0-9]{3})(.*)");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}|P?\\d{5,10}");

    static Mt940Line61 parse(String first, List<String> continuation, Currency currency, String location) {
        Matcher m = LINE.matcher(first.strip());
        if (!m.matches()) {
            throw new StatementFormatException(location, "statement line :61:" + first
                    + " is not 'YYMMDD[MMDD]C|D|RC|RD amount type reference'");
        }
        LocalDate valueDate = Mt940Values.date(m.group(1), location);
        LocalDate bookingDate = m.group(2) == null ? valueDate : entryDate(valueDate, m.group(2), location);
        String mark = m.group(3).toUpperCase(Locale.ROOT);
        // RC is the reversal of a credit, so money goes out again; RD the reversal of a debit.
        CreditDebit direction = switch (mark) {
            case "C", "RD" -> CreditDebit.CREDIT;
            default -> CreditDebit.DEBIT;
        };
        Money amount = Money.of(Mt940Values.amount(m.group(5), location), currency);
        String rest = m.group(7);
        int split = rest.indexOf("//");
        String customerReference = (split < 0 ? rest : rest.substring(0, split)).strip();
        String bankReference = split < 0 ? null : Details.blankToNull(rest.substring(split + 2));
        String transactionCode = null;
        String supplementaryAccount = null;
        for (String line : continuation) {
            String extra = line.strip();
            if (extra.startsWith("/TRCD/")) {
                transactionCode = extra.substring(6).replace("/", "");
            } else if (supplementaryAccount == null && ACCOUNT.matcher(extra).matches()) {
                supplementaryAccount = extra;
            }
        }
        return new Mt940Line61(valueDate, bookingDate, direction, mark.startsWith("R"), amount,
                m.group(6).toUpperCase(Locale.ROOT), customerReference, bankReference, transactionCode,
                supplementaryAccount);
    }

    /** The entry date has no year: take the value date's, moved across a year end when the months say so. */
    private static LocalDate entryDate(LocalDate valueDate, String mmdd, String location) {
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2));
        int year = valueDate.getYear();
        if (month == 12 && valueDate.getMonthValue() == 1) {
            year--;
        } else if (month == 1 && valueDate.getMonthValue() == 12) {
            year++;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new StatementFormatException(location, "entry date " + mmdd + " is not a date", e);
        }
    }
}
