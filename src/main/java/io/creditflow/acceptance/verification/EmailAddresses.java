package io.creditflow.acceptance.verification;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * E-mail syntax (the practical subset of RFC 5321 that mail providers actually issue: no quoted local parts, no IP
 * literals) and disposable domains from {@code acceptance/disposable-email-domains.txt} (source and licence in its
 * header). A subdomain of a listed domain counts as disposable too.
 */
public final class EmailAddresses {

    private static final String RESOURCE = "/acceptance/disposable-email-domains.txt";
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private final Set<String> disposable;

    private EmailAddresses(Set<String> disposable) {
        this.disposable = Set.copyOf(disposable);
    }

    public static EmailAddresses fromBundledList() {
        try (InputStream in = EmailAddresses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Set<String> domains = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String d = line.strip();
                if (!d.isEmpty() && !d.startsWith("#")) {
                    domains.add(d.toLowerCase(Locale.ROOT));
                }
            }
            return new EmailAddresses(domains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int listSize() {
        return disposable.size();
    }

    /** Null when the address is well-formed, else why not. */
    public static @Nullable String syntaxProblem(String email) {
        if (email.length() > 254) {
            return "longer than 254 characters";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.indexOf('@') != at) {
            return "must be one local part, one @ and a domain";
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return "the part before @ is not a valid mailbox name";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return "the domain needs at least a name and a top-level domain";
        }
        for (int i = 0; i < labels.length - 1; i++) {
            if (!LABEL.matcher(labels[i]).matches()) {
                return "the domain '" + domain + "' is not a valid host name";
            }
        }
        if (!TLD.matcher(labels[labels.length - 1]).matches()) {
            return "the top-level domain of '" + domain + "' is not valid";
        }
        return null;
    }

    /** True if the domain or any parent domain of it is on the list (and not allowed by the tenant). */
    public boolean isDisposable(String domain, Set<String> allowed) {
        String d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (allowed.contains(d)) {
                return false;
            }
            if (disposable.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }
}
