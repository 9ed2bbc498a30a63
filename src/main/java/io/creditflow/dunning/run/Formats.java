package io.creditflow.dunning.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * Amounts and dates as each language writes them: "€ 1.234,56" (nl, de), "1 234,56 €" (fr), "€1,234.56" (en).
 * Formatters are made once per language (a run formats tens of thousands of amounts a second).
 */
public final class Formats {

    private static final Map<String, DateTimeFormatter> LONG = Map.of(
            "nl", long_("nl"), "en", long_("en"), "de", long_("de"), "fr", long_("fr"));
    private static final Map<String, DateTimeFormatter> SHORT = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            "de", DateTimeFormatter.ofPattern("dd.MM.yyyy"), "fr", DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            "nl", DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    /** DecimalFormat is not thread-safe: one per thread and language. */
    private static final ThreadLocal<Map<String, DecimalFormat>> NUMBERS = ThreadLocal.withInitial(() -> Map.of(
            "nl", number("nl"), "en", number("en"), "de", number("de"), "fr", number("fr")));

    private Formats() {
    }

    private static DateTimeFormatter long_(String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language));
    }

    private static DecimalFormat number(String language) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag(language)));
    }

    public static String money(BigDecimal amount, String currency, String language) {
        DecimalFormat f = NUMBERS.get().getOrDefault(language, NUMBERS.get().get("nl"));
        String number = f.format(amount.setScale(2, RoundingMode.UNNECESSARY));
        String symbol = "EUR".equals(currency) ? "€" : currency;
        return switch (language) {
            case "en" -> symbol + number;
            case "fr" -> number.replace('\u202f', ' ') + " " + symbol;
            default -> symbol + " " + number;
        };
    }

    public static String date(LocalDate date, String language) {
        return date.format(LONG.getOrDefault(language, LONG.get("nl")));
    }

    public static String shortDate(LocalDate date, String language) {
        return date.format(SHORT.getOrDefault(language, SHORT.get("nl")));
    }
}
