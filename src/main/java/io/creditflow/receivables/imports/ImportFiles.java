package io.creditflow.receivables.imports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Uploaded files wait here (under the data directory, so every node of a single-node install finds them after a
 * restart) until their import has run; they are deleted when it finishes, whatever the outcome.
 */
@Component
class ImportFiles {

    private final Path root;

    ImportFiles(@Value("${creditflow.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "imports");
    }

    record Stored(long size, byte[] sha256, String format) {
    }

    Path path(UUID tenant, UUID importId) {
        return root.resolve(tenant.toString()).resolve(importId + ".upload");
    }

    Stored store(UUID tenant, UUID importId, InputStream content) {
        Path target = path(tenant, importId);
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(target)) {
                size = in.transferTo(out);
            }
            return new Stored(size, sha.digest(), sniff(target));
        } catch (IOException e) {
            delete(tenant, importId);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(UUID tenant, UUID importId) {
        try {
            Files.deleteIfExists(path(tenant, importId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UBL when the first meaningful character (after a byte order mark and white space) is '<', else CSV. */
    static String sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF ? 3 : 0;
            while (i < head.length && Character.isWhitespace(head[i])) {
                i++;
            }
            return i < head.length && head[i] == '<' ? "UBL" : "CSV";
        }
    }
}
