package io.creditflow.shared;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** Reading and writing amounts with thousands grouping, kept apart from {@link Money} to keep that one small. */
final class AmountText {

    private static final Pattern DUTCH = Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");
    private static final Pattern INTERNATIONAL = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final int MAX_LENGTH = 40;

    private AmountText() {
    }

    static BigDecimal parse(String text, AmountFormat format) {
        String trimmed = checked(text);
        Pattern pattern = format == AmountFormat.DUTCH ? DUTCH : INTERNATIONAL;
        if (!pattern.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an amount in " + format + " format (e.g. "
                    + (format == AmountFormat.DUTCH ? "1.234,56" : "1,234.56") + ")");
        }
        String plain = trimmed.replace(String.valueOf(format.groupingSeparator()), "")
                .replace(format.decimalSeparator(), '.');
        return new BigDecimal(plain);
    }

    /**
     * Decides the format from the text: with both separators the last one marks decimals; a separator that repeats
     * groups thousands; a single separator followed by one or two digits marks decimals. A single separator followed
     * by exactly three digits is the ambiguous case and is refused.
     */
    static AmountFormat detect(String text) {
        String trimmed = checked(text);
        int lastDot = trimmed.lastIndexOf('.');
        int lastComma = trimmed.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            return lastComma > lastDot ? AmountFormat.DUTCH : AmountFormat.INTERNATIONAL;
        }
        if (lastDot < 0 && lastComma < 0) {
            return AmountFormat.INTERNATIONAL;
        }
        char separator = lastDot >= 0 ? '.' : ',';
        int last = Math.max(lastDot, lastComma);
        boolean repeats = trimmed.indexOf(separator) != last;
        boolean groupsThousands = repeats || trimmed.length() - last - 1 == 3;
        if (!repeats && groupsThousands) {
            throw new IllegalArgumentException("'" + text + "' is ambiguous: the '" + separator
                    + "' may group thousands or mark decimals; say which format the source uses");
        }
        boolean dotIsDecimal = separator == '.' ^ groupsThousands;
        return dotIsDecimal ? AmountFormat.INTERNATIONAL : AmountFormat.DUTCH;
    }

    static String format(BigDecimal amount, AmountFormat format) {
        String plain = amount.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 1);
        if (amount.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(format.groupingSeparator());
            }
            out.append(whole.charAt(i));
        }
        if (point >= 0) {
            out.append(format.decimalSeparator()).append(plain, point + 1, plain.length());
        }
        return out.toString();
    }

    private static String checked(String text) {
        Objects.requireNonNull(text, "amount");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("An amount is required but the text is empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Amount text of " + trimmed.length() + " characters is too long");
        }
        return trimmed;
    }
}
