package io.creditflow.payments.statement;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets an MT940 {@code :86:} field (already re-joined from its 65-character lines) in the file's dialect.
 * The code words the banks share are read the same way; the differences are where the counterparty's account and
 * name live and ABN AMRO's labelled layout.
 */
final class Information86 {

    /** What the {@code :86:} says beyond the transaction details: batch facts and the bank's own type text. */
    record Result(TransactionDetails details, boolean batch, @Nullable Integer batchSize,
                  @Nullable String transactionType) {
    }

    private static final Pattern ABN_LABEL = Pattern.compile(
            "(?i)(IBAN|BIC|Naam|Omschrijving|Kenmerk|Betalingskenm\\.|Machtiging|Incassant|Voor):\\s?");
    private static final Pattern ISSUER_REF = Pattern.compile("(?i)Issuer:\\s*(CUR|ISO)\\s+Ref:\\s*(\\S+)");
    private static final Pattern STRUCTURED_REMI = Pattern.compile("(?i)STRD/(CUR|ISO)?/?([^/]+)/?.*");

    private Information86() {
    }

    static Result interpret(Mt940Dialect dialect, String text, @Nullable String supplementaryAccount) {
        String trimmed = text.strip();
        if (dialect == Mt940Dialect.ABN_AMRO && !trimmed.startsWith("/")) {
            return abnAmroLabelled(trimmed);
        }
        if (!trimmed.startsWith("/")) {
            Details details = new Details();
            details.counterpartyAccount = supplementaryAccount;
            details.remittanceLine(trimmed);
            return new Result(details.build(), false, null, null);
        }
        return slashLayout(SlashFields.split(trimmed), supplementaryAccount);
    }

    private static Result slashLayout(Map<String, String> fields, @Nullable String supplementaryAccount) {
        Details details = new Details();
        details.endToEndId(fields.get("EREF"));
        details.mandateId = fields.get("MARF");
        details.creditorId = fields.get("CSID");
        details.returnReason(fields.get("RTRN"));
        counterparty(fields, details, supplementaryAccount);
        remittance(fields.get("REMI"), details);
        String pref = Details.blankToNull(fields.get("PREF"));
        Integer size = count(fields.get("NRTX"));
        String type = Details.blankToNull(fields.getOrDefault("TRTP", fields.get("RTYP")));
        return new Result(details.build(), pref != null || size != null, size, type);
    }

    /** ING: {@code /CNTP/iban/bic/name/city/}; Rabobank: {@code /NAME/} plus {@code /ACCW/iban,bic/} or the :61: line; ABN AMRO: {@code /IBAN/ /BIC/ /NAME/}. */
    private static void counterparty(Map<String, String> fields, Details details, @Nullable String supplementary) {
        String cntp = fields.get("CNTP");
        if (cntp != null) {
            String[] parts = trimTrailingEmpty(cntp.split("/", -1));
            details.counterpartyAccount = part(parts, 0);
            details.counterpartyBic = part(parts, 1);
            if (parts.length > 3) {
                details.counterpartyName = String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length - 1));
            } else {
                details.counterpartyName = part(parts, 2);
            }
            return;
        }
        details.counterpartyName = fields.get("NAME");
        String accw = fields.get("ACCW");
        if (fields.get("IBAN") != null) {
            details.counterpartyAccount = fields.get("IBAN");
            details.counterpartyBic = fields.get("BIC");
        } else if (accw != null) {
            String[] parts = accw.split(",", -1);
            details.counterpartyAccount = part(parts, 0);
            details.counterpartyBic = part(parts, 1);
        } else {
            details.counterpartyAccount = supplementary;
        }
    }

    /** {@code USTD//text}, {@code STRD/CUR/reference}, ABN AMRO's {@code Issuer: CUR Ref: ...}, or plain text. */
    private static void remittance(@Nullable String remi, Details details) {
        if (remi == null) {
            return;
        }
        String value = remi.strip();
        if (value.regionMatches(true, 0, "USTD", 0, 4)) {
            details.remittanceLine(value.substring(4).replaceFirst("^/+", ""));
            return;
        }
        Matcher structured = STRUCTURED_REMI.matcher(value);
        if (value.regionMatches(true, 0, "STRD", 0, 4) && structured.matches()) {
            String issuer = structured.group(1) == null ? "OTHER" : structured.group(1);
            details.structuredReference = new StructuredReference(StructuredReference.issuerOf(issuer),
                    structured.group(2).strip());
            return;
        }
        Matcher issuerRef = ISSUER_REF.matcher(value);
        if (issuerRef.find()) {
            details.structuredReference = new StructuredReference(StructuredReference.issuerOf(issuerRef.group(1)),
                    issuerRef.group(2));
        }
        details.remittanceLine(value.replaceFirst("^/+", ""));
    }

    /** ABN AMRO's labelled layout: {@code SEPA Overboeking IBAN: ... BIC: ... Naam: ... Omschrijving: ...}. */
    private static Result abnAmroLabelled(String text) {
        Details details = new Details();
        Matcher label = ABN_LABEL.matcher(text);
        if (!label.find()) {
            details.remittanceLine(text);
            return new Result(details.build(), false, null, firstWord(text));
        }
        String type = Details.collapse(text.substring(0, label.start()));
        while (true) {
            String key = label.group(1).toLowerCase(java.util.Locale.ROOT);
            int valueStart = label.end();
            boolean more = label.find();
            String value = Details.collapse(text.substring(valueStart, more ? label.start() : text.length()));
            assignLabel(key, value, details);
            if (!more) {
                break;
            }
        }
        return new Result(details.build(), false, null, type);
    }

    private static void assignLabel(String key, @Nullable String value, Details details) {
        switch (key) {
            case "iban" -> details.counterpartyAccount = value;
            case "bic" -> details.counterpartyBic = value;
            case "naam" -> details.counterpartyName = value;
            case "omschrijving" -> details.remittanceLine(value);
            case "kenmerk" -> details.endToEndId(value);
            case "machtiging" -> details.mandateId = value;
            case "incassant" -> details.creditorId = value;
            case "betalingskenm." -> {
                if (value != null) {
                    details.structuredReference = new StructuredReference(StructuredReference.Issuer.CUR,
                            value.replace(" ", ""));
                }
            }
            default -> details.remittanceLine(value);
        }
    }

    private static @Nullable Integer count(@Nullable String value) {
        String v = Details.blankToNull(value);
        if (v == null || !v.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(v);
    }

    private static @Nullable String firstWord(String text) {
        String[] words = text.strip().split("\\s+", 2);
        return words.length == 0 ? null : words[0];
    }

    private static String[] trimTrailingEmpty(String[] parts) {
        int length = parts.length;
        while (length > 0 && parts[length - 1].isBlank()) {
            length--;
        }
        return java.util.Arrays.copyOf(parts, length);
    }

    private static @Nullable String part(String[] parts, int index) {
        return index < parts.length ? Details.blankToNull(parts[index]) : null;
    }
}
