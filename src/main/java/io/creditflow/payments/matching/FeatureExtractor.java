package io.creditflow.payments.matching;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a payment's references, remittance text and payer name into {@link Features}. Payers type invoice numbers
 * in every way ("INV-2024-0042", "inv 2024.0042", "factuur 20240042", "F2024 00001234 en F2024 00001240"): the text
 * is cut into runs of letters and digits, and each window of one to three consecutive runs that contains digits is a
 * candidate (a word without digits may only open a window, as a prefix). Betalingskenmerken are recognised with
 * spaces or dots between digit groups.
 */
public final class FeatureExtractor {

    static final int MAX_KEYS = 48;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+(?:[ .]\\d+)*");
    private static final Pattern RF = Pattern.compile("RF ?\\d{2}(?: ?[A-Z0-9]){1,21}");
    private static final Pattern RUN = Pattern.compile("[A-Z0-9]+");
    private static final Set<String> STOP_WORDS = Set.of("bv", "nv", "vof", "cv", "de", "het", "van", "der", "den",
            "en", "mr", "mw", "dhr", "mevr", "fam", "gmbh", "ag", "sa", "sprl", "srl", "bvba", "the", "and", "of",
            "eo", "ing", "drs", "ir", "dr", "ten", "ter", "op", "in", "la", "le", "du", "von", "zu", "und");

    private FeatureExtractor() {
    }

    public static Features extract(PaymentItem item) {
        Set<String> references = new LinkedHashSet<>();
        Set<String> bad = new LinkedHashSet<>();
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> digits = new LinkedHashSet<>();
        String structured = normaliseReference(item.structuredReference());
        if (structured != null) {
            (ReferenceCorrection.isValidReference(structured) ? references : bad).add(structured);
            numbers.add(structured);
            addDigits(digits, structured);
        }
        String text = item.remittance() == null ? "" : item.remittance().toUpperCase(Locale.ROOT);
        referencesInText(text, references, bad);
        numberWindows(text, numbers, digits);
        String iban = item.payerIban() == null ? null : item.payerIban().replace(" ", "").toUpperCase(Locale.ROOT);
        String validStructured = structured != null && references.contains(structured) ? structured : null;
        return new Features(validStructured, List.copyOf(references), List.copyOf(bad), limit(numbers), limit(digits),
                item.endToEndId(), iban, nameWords(item.payerName()));
    }

    static @Nullable String normaliseReference(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
        return v.isEmpty() ? null : v;
    }

    private static void referencesInText(String text, Set<String> references, Set<String> bad) {
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String[] groups = run.group().split("[ .]");
            for (int from = 0; from < groups.length; from++) {
                StringBuilder value = new StringBuilder();
                for (int to = from; to < groups.length && value.length() < 16; to++) {
                    value.append(groups[to]);
                    int length = value.length();
                    if (length >= 9 && length != 15 && length <= 16 && ReferenceCorrection.isBetalingskenmerk(value)) {
                        references.add(value.toString());
                    } else if (length == 16) {
                        bad.add(value.toString());
                    }
                }
            }
        }
        Matcher rf = RF.matcher(text);
        while (rf.find()) {
            String value = rf.group().replace(" ", "");
            String valid = longestValidRf(value);
            if (valid != null) {
                references.add(valid);
            } else {
                bad.add(value);
            }
        }
    }

    /** Remittance text runs on after the reference ("RF18 5390 0754 7034 factuur 12"): try shorter and shorter. */
    private static @Nullable String longestValidRf(String value) {
        for (int end = value.length(); end >= 5; end--) {
            String candidate = value.substring(0, end);
            if (io.creditflow.shared.RfCreditorReference.isValid(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void numberWindows(String text, Set<String> numbers, Set<String> digits) {
        List<String> runs = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            runs.add(run.group());
        }
        for (int start = 0; start < runs.size(); start++) {
            StringBuilder window = new StringBuilder();
            for (int end = start; end < runs.size() && end < start + 3; end++) {
                String part = runs.get(end);
                boolean hasDigit = part.chars().anyMatch(Character::isDigit);
                if (!hasDigit && end > start) {
                    break;
                }
                window.append(part);
                if (countDigits(window) >= 3 && window.length() <= 24) {
                    numbers.add(window.toString());
                    addDigits(digits, window);
                }
            }
        }
    }

    private static void addDigits(Set<String> digits, CharSequence value) {
        StringBuilder only = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                only.append(c);
            }
        }
        if (only.length() >= 4 && only.length() <= 20) {
            digits.add(only.toString());
        }
    }

    private static int countDigits(CharSequence value) {
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** The payer's name words as the debtors' name blind index normalises them, without titles and legal forms. */
    static List<String> nameWords(@Nullable String name) {
        if (name == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : name.split("[\\s,.&'/()-]+")) {
            String normalised = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (normalised.length() >= 2 && !STOP_WORDS.contains(normalised)) {
                words.add(normalised);
            }
        }
        return List.copyOf(words);
    }

    private static List<String> limit(Set<String> values) {
        return values.stream().limit(MAX_KEYS).toList();
    }
}
