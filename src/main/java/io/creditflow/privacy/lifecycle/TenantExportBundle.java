package io.creditflow.privacy.lifecycle;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.keys.TenantKeyring;
import io.creditflow.privacy.rights.AccessExports;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The complete, machine-readable export of one tenant (what the controller gets back at the end of the contract): a ZIP
 * with one JSON Lines file per table of the tenant (every table with a tenant_id column, whichever module made it),
 * {@code subjects.jsonl} with every debtor's personal data decrypted (the access export's sections), a manifest with
 * row counts and SHA-256 checksums, and a README. Documented in docs/privacy/tenant-export.md.
 *
 * <p>The file holds personal data in clear, so it is written encrypted (Tink streaming AEAD, AES-256-GCM-HKDF, 1 MB
 * segments) under a key of its own, wrapped by the tenant's key: deleting the tenant makes any copy of it unreadable.
 * Tables and debtors are streamed, so memory stays bounded whatever the size.
 */
@Component
public class TenantExportBundle {

    public static final String FORMAT = "creditflow.tenant-export";
    /** Never leave the platform: keys. Transient copies of data that is in the bundle anyway. */
    static final Set<String> EXCLUDED = Set.of("tenant_key", "subject_key", "idempotency_record", "audit_pending",
            "tenant_offboarding", "breach_tenant");
    private static final int SUBJECT_BATCH = 500;

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A bundle written: where, its key (wrapped), checksum of the plain ZIP, size and manifest. */
    public record Written(UUID id, Path file, byte[] wrappedKey, byte[] sha256, long bytes, String manifest) {
    }

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final TenantKeyring tenantKeys;
    private final AccessExports exports;
    private final ObjectProvider<DataSubject.Directory> directory;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Path root;

    TenantExportBundle(DSLContext dsl, TenantScope tenantScope, TenantKeyring tenantKeys, AccessExports exports,
                       ObjectProvider<DataSubject.Directory> directory, Tenants tenants, JsonMapper json,
                       @Value("${creditflow.data-dir}") String dataDir) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.tenantKeys = tenantKeys;
        this.exports = exports;
        this.directory = directory;
        this.tenants = tenants;
        this.json = json;
        this.root = Path.of(dataDir, "exports");
    }

    /** Where the tenant's bundles live (deleted with the tenant). */
    public Path directoryOf(UUID tenant) {
        return root.resolve(tenant.toString());
    }

    public Written write(UUID tenant, UUID bundleId) {
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            StreamingAead aead = key.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            byte[] wrapped = tenantScope.inTenant(tenant, () -> wrap(tenant, bundleId, key));
            Files.createDirectories(directoryOf(tenant));
            Path file = directoryOf(tenant).resolve(bundleId + ".zip.enc");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            CountingStream counter;
            String manifest;
            try (OutputStream encrypted = aead.newEncryptingStream(new BufferedOutputStream(Files.newOutputStream(tmp)),
                    ad(tenant, bundleId));
                 CountingStream counting = new CountingStream(new DigestOutputStream(encrypted, digest));
                 ZipOutputStream zip = new ZipOutputStream(counting, StandardCharsets.UTF_8)) {
                counter = counting;
                manifest = writeEntries(tenant, bundleId, zip);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(bundleId, file, wrapped, digest.digest(), counter.count, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export bundle of tenant " + tenant, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts a bundle into {@code out} (the ZIP as written). */
    public void open(UUID tenant, UUID bundleId, byte[] wrappedKey, OutputStream out) {
        try {
            KeysetHandle key = tenantScope.inTenant(tenant, () -> unwrap(tenant, bundleId, wrappedKey));
            StreamingAead aead = key.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            Path file = directoryOf(tenant).resolve(bundleId + ".zip.enc");
            try (InputStream in = aead.newDecryptingStream(Files.newInputStream(file), ad(tenant, bundleId))) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The export bundle " + bundleId + " does not decrypt", e);
        }
    }

    private String writeEntries(UUID tenant, UUID bundleId, ZipOutputStream zip) throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        var t = tenants.find(tenant);
        files.add(entry(zip, "tenant.json", out -> {
            out.write(json.writeValueAsBytes(Map.of("id", t.id().toString(), "slug", t.slug(), "name", t.name(),
                    "country", t.country(), "defaultLanguage", t.defaultLanguage(),
                    "createdAt", t.createdAt().toString())));
            return 1;
        }));
        for (String table : tables()) {
            files.add(entry(zip, "tables/" + table + ".jsonl", out -> tenantScope.inTenant(tenant, () -> {
                long rows = 0;
                try (var cursor = dsl.resultQuery("select row_to_json(t)::text from {0} t",
                        DSL.name(table)).fetchSize(1_000).fetchLazy()) {
                    for (var r : cursor) {
                        write(out, r.get(0, String.class));
                        rows++;
                    }
                }
                return rows;
            })));
        }
        files.add(entry(zip, "subjects.jsonl", out -> subjects(tenant, out)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("version", 1);
        manifest.put("bundleId", bundleId.toString());
        manifest.put("tenant", Map.of("id", t.id().toString(), "slug", t.slug(), "name", t.name()));
        manifest.put("createdAt", OffsetDateTime.now().toString());
        manifest.put("documentation", "docs/privacy/tenant-export.md");
        manifest.put("excludedTables", EXCLUDED.stream().sorted().toList());
        manifest.put("files", files);
        byte[] manifestBytes = json.writeValueAsBytes(manifest);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(manifestBytes);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(README.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        return new String(manifestBytes, StandardCharsets.UTF_8);
    }

    private long subjects(UUID tenant, OutputStream out) {
        long n = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> ids = tenantScope.inTenant(tenant, () -> directory.getObject().page(from, SUBJECT_BATCH));
            if (ids.isEmpty()) {
                return n;
            }
            List<String> lines = tenantScope.inTenant(tenant, () -> ids.stream().map(id -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("debtorId", id.toString());
                line.put("sections", exports.sectionsForBundle(id));
                return json.writeValueAsString(line);
            }).toList());
            for (String line : lines) {
                write(out, line);
            }
            n += ids.size();
            after = ids.getLast();
        }
    }

    /** Every table with a tenant_id column, now and after later modules add theirs. */
    List<String> tables() {
        return dsl.resultQuery("""
                select c.table_name from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                 order by 1""").fetch(r -> r.get(0, String.class)).stream()
                .filter(name -> !EXCLUDED.contains(name)).toList();
    }

    private interface Body {
        long write(OutputStream out) throws IOException;
    }

    /** Writes one ZIP entry, counting its lines and hashing its bytes for the manifest. */
    private static Map<String, Object> entry(ZipOutputStream zip, String name, Body body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            CountingStream counting = new CountingStream(new DigestOutputStream(new NonClosing(zip), digest));
            long rows = body.write(counting);
            counting.flush();
            zip.closeEntry();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", name);
            m.put("records", rows);
            m.put("bytes", counting.count);
            m.put("sha256", HexFormat.of().formatHex(digest.digest()));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] wrap(UUID tenant, UUID bundleId, KeysetHandle key) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, tenantKeys.keys(tenant).primary(),
                    ad(tenant, bundleId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeysetHandle unwrap(UUID tenant, UUID bundleId, byte[] wrapped) {
        for (var aead : tenantKeys.keys(tenant).aeadByVersion().values()) {
            try {
                return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, aead, ad(tenant, bundleId));
            } catch (GeneralSecurityException e) {
                // wrapped under another version of the tenant key: try the next
            }
        }
        throw new IllegalStateException("The key of export bundle " + bundleId + " cannot be unwrapped");
    }

    private static byte[] ad(UUID tenant, UUID bundleId) {
        return ("creditflow/tenant-export/" + tenant + "/" + bundleId).getBytes(StandardCharsets.UTF_8);
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** The ZIP entry must stay open when an entry's own stream is closed. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    static final String README = """
            Creditflow tenant export
            ========================
            manifest.json   what is in this bundle: every file with its number of records, size and SHA-256
            tenant.json     the tenant
            tables/*.jsonl  one JSON object per line per row of each of the tenant's tables, columns as in the
                            database; binary columns as "\\\\x<hex>". Columns holding personal data are ciphertext
                            there: the same data, decrypted, is in subjects.jsonl.
            subjects.jsonl  one line per debtor: {"debtorId", "sections": [...]}, each section as in the access
                            export (docs/privacy/access-export.md), with the personal data in clear.
            The format is documented in docs/privacy/tenant-export.md of the Creditflow source.
            """;
}
