package io.creditflow.dunning.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Amounts and dates as each language writes them: "€ 1.234,56" (nl, de), "1 234,56 €" (fr), "€1,234.56" (en). */
public final class Formats {

    private Formats() {
    }

    public static String money(BigDecimal amount, String currency, String language) {
        Locale locale = Locale.forLanguageTag(language);
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        String number = f.format(amount.setScale(2, RoundingMode.UNNECESSARY));
        String symbol = "EUR".equals(currency) ? "€" : currency;
        return switch (language) {
            case "en" -> symbol + number;
            case "fr" -> number.replace('\u202f', ' ') + " " + symbol;
            default -> symbol + " " + number;
        };
    }

    public static String date(LocalDate date, String language) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
    }

    public static String shortDate(LocalDate date, String language) {
        return switch (language) {
            case "en" -> date.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
            case "de" -> date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            case "fr" -> date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            default -> date.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        };
    }
}
