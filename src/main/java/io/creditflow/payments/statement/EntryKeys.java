package io.creditflow.payments.statement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry references for formats whose entries carry no bank reference (Rabobank and ABN AMRO MT940, most CSV
 * exports): a hash of what the entry says, plus how often the same content occurred before (two identical coffee
 * payments on one day are two entries). Re-reading the same file yields the same keys, so re-imports stay idempotent.
 * The occurrence counter remembers a bounded number of recent keys: identical entries lie close together in a file.
 */
final class EntryKeys {

    private static final int REMEMBERED = 10_000;

    private final Map<String, Integer> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    String next(String prefix, Object... parts) {
        MessageDigest digest = sha256();
        for (Object part : parts) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1F);
        }
        String hash = HexFormat.of().formatHex(digest.digest(), 0, 12);
        int occurrence = seen.merge(hash, 1, Integer::sum);
        return prefix + hash + (occurrence > 1 ? "-" + occurrence : "");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
