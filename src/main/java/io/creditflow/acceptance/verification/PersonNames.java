package io.creditflow.acceptance.verification;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Name normalisation: Unicode NFC, single spaces, and names typed entirely in capitals or lower case written the way
 * Dutch names are ("JAN DE VRIES" becomes "Jan de Vries": particles such as van, de, der, ter stay lower case inside
 * a name). A name keeps letters, marks, spaces, apostrophes, hyphens and periods; digits and other symbols are refused.
 * For matching, {@link #key(String)} drops case, accents and everything but letters.
 */
public final class PersonNames {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.\\-]*");
    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "'t", "ter", "ten", "te",
            "in", "op", "onder", "aan", "bij", "uit", "voor", "von", "zu", "la", "le", "du", "da", "di", "des", "del",
            "'s", "d'");

    private PersonNames() {
    }

    /** The normalised name, or throws {@link IllegalArgumentException} saying why it is not a name. */
    public static String normalise(String raw, int maxLength) {
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (name.length() > maxLength) {
            throw new IllegalArgumentException("longer than " + maxLength + " characters");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("may contain only letters, spaces, apostrophes, hyphens and periods");
        }
        boolean allUpper = name.equals(name.toUpperCase(Locale.ROOT));
        boolean allLower = name.equals(name.toLowerCase(Locale.ROOT));
        return allUpper || allLower ? capitalise(name.toLowerCase(Locale.ROOT)) : name;
    }

    private static String capitalise(String lower) {
        String[] words = lower.split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                sb.append(' ');
            }
            boolean particle = i > 0 && i < words.length - 1 && PARTICLES.contains(w);
            sb.append(particle ? w : capitaliseParts(w));
        }
        return sb.toString();
    }

    private static String capitaliseParts(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        boolean start = true;
        for (char c : word.toCharArray()) {
            sb.append(start ? Character.toUpperCase(c) : c);
            start = c == '-' || c == '\'' || c == '’' || c == '.';
        }
        return sb.toString();
    }

    /** Lower-case letters and digits only, accents removed: "Müller-Lüdenscheidt" and "muller ludenscheidt" agree. */
    public static String key(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The last word of a last name ("de Vries" gives "Vries"): what the receivables name index can match on. */
    public static String lastWord(String lastName) {
        String[] words = lastName.split("[\\s-]+");
        return words[words.length - 1];
    }
}
