package io.creditflow.privacy.lifecycle;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.WorkingDays;
import io.creditflow.privacy.keys.TenantKeyring;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import io.creditflow.jooq.tables.records.TenantOffboardingRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static io.creditflow.jooq.Tables.TENANT_OFFBOARDING;

/**
 * The end of a contract: the controller gets all its data back (the export bundle, due within the promised working
 * days after the contract ends), then everything of the tenant is deleted (every tenant table, its keys, its files)
 * and a deletion certificate without personal data is kept. The operator starts and finishes it; the tenant's owner
 * builds and downloads the bundle in the console while the tenant is still active.
 */
@Component
public class Offboarding {

    private static final Logger log = LoggerFactory.getLogger(Offboarding.class);
    /** The processor agreement's promise: the data back within ten working days after the end of the contract. */
    public static final int EXPORT_WORKING_DAYS = 10;

    public record Status(UUID tenantId, String tenantSlug, String tenantName, String tenantStatus,
                         OffsetDateTime requestedAt, String requestedBy, LocalDate contractEnd, LocalDate exportDue,
                         String bundleStatus, @Nullable UUID bundleId, @Nullable OffsetDateTime bundleReadyAt,
                         @Nullable String bundleSha256, @Nullable Long bundleBytes, @Nullable String bundleError,
                         @Nullable OffsetDateTime bundleDownloadedAt, @Nullable OffsetDateTime deletedAt,
                         @Nullable String deletedBy, @Nullable String deletionCertificate,
                         @Nullable String deletionSha256) {

        /** Working days left until the export is due (negative when late); null once the bundle is ready. */
        public @Nullable Integer workingDaysLeft(LocalDate today) {
            return "READY".equals(bundleStatus) ? null : WorkingDays.between(today, exportDue);
        }

        public boolean exportLate(LocalDate today) {
            LocalDate ready = bundleReadyAt == null ? today : bundleReadyAt.toLocalDate();
            return ready.isAfter(exportDue);
        }

        public boolean deleted() {
            return deletedAt != null;
        }
    }

    private final DSLContext dsl;
    private final Tenants tenants;
    private final TenantScope tenantScope;
    private final TenantExportBundle bundles;
    private final TenantKeyring tenantKeys;
    private final AuditLog audit;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final JsonMapper json;
    private final Clock clock;
    private final io.creditflow.tenancy.ApiKeys apiKeys;

    Offboarding(io.creditflow.tenancy.ApiKeys apiKeys, DSLContext dsl, Tenants tenants, TenantScope tenantScope, TenantExportBundle bundles,
                TenantKeyring tenantKeys, AuditLog audit, ObjectProvider<SchedulerClient> scheduler,
                JsonMapper json, Clock clock) {
        this.dsl = dsl;
        this.tenants = tenants;
        this.tenantScope = tenantScope;
        this.bundles = bundles;
        this.tenantKeys = tenantKeys;
        this.audit = audit;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
        this.apiKeys = apiKeys;
    }

    /** The operator records the end of the contract; the export deadline follows from it. */
    public Status start(UUID tenantId, LocalDate contractEnd) {
        Tenant tenant = tenants.find(tenantId);
        if (!"ACTIVE".equals(tenant.status()) && !"SUSPENDED".equals(tenant.status())) {
            throw new BusinessRuleException("not-active", "Tenant " + tenant.slug() + " is " + tenant.status() + ".");
        }
        LocalDate due = WorkingDays.add(contractEnd, EXPORT_WORKING_DAYS);
        dsl.insertInto(TENANT_OFFBOARDING).set(TENANT_OFFBOARDING.TENANT_ID, tenantId)
                .set(TENANT_OFFBOARDING.REQUESTED_AT, OffsetDateTime.now(clock))
                .set(TENANT_OFFBOARDING.REQUESTED_BY, Actor.current().name())
                .set(TENANT_OFFBOARDING.CONTRACT_END, contractEnd).set(TENANT_OFFBOARDING.EXPORT_DUE, due)
                .onConflict(TENANT_OFFBOARDING.TENANT_ID).doUpdate()
                .set(TENANT_OFFBOARDING.CONTRACT_END, contractEnd).set(TENANT_OFFBOARDING.EXPORT_DUE, due)
                .where(TENANT_OFFBOARDING.DELETED_AT.isNull()).execute();
        platformAudit("tenant.offboarding-started", tenantId);
        return status(tenantId).orElseThrow();
    }

    public Optional<Status> status(UUID tenantId) {
        return dsl.select(TENANT_OFFBOARDING.asterisk()).from(TENANT_OFFBOARDING)
                .where(TENANT_OFFBOARDING.TENANT_ID.eq(tenantId)).fetchOptional()
                .map(r -> toStatus(r.into(TENANT_OFFBOARDING)));
    }

    public List<Status> all() {
        return dsl.selectFrom(TENANT_OFFBOARDING).orderBy(TENANT_OFFBOARDING.EXPORT_DUE).fetch(this::toStatus);
    }

    /** Queues the bundle to be built in the background (db-scheduler, any node). */
    public void requestBundle(UUID tenantId) {
        Status s = status(tenantId).orElseThrow(() -> new BusinessRuleException("not-offboarding",
                "The operator has not recorded the end of this tenant's contract."));
        if (s.deleted()) {
            throw new BusinessRuleException("deleted", "The tenant's data was deleted.");
        }
        if ("BUILDING".equals(s.bundleStatus())) {
            return;
        }
        dsl.update(TENANT_OFFBOARDING).set(TENANT_OFFBOARDING.BUNDLE_STATUS, "BUILDING")
                .setNull(TENANT_OFFBOARDING.BUNDLE_ERROR).where(TENANT_OFFBOARDING.TENANT_ID.eq(tenantId)).execute();
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(OffboardingJob.TASK, tenantId.toString(), tenantId),
                clock.instant());
        audit.record(AuditEvent.of("privacy.tenant-export-requested", "tenant", tenantId));
    }

    /** Builds the bundle now (the task's body; also used directly by tests and the CLI). */
    public Status buildBundle(UUID tenantId) {
        UUID bundleId = Ids.newId();
        try {
            TenantExportBundle.Written w = bundles.write(tenantId, bundleId);
            Optional<Status> previous = status(tenantId);
            dsl.update(TENANT_OFFBOARDING).set(TENANT_OFFBOARDING.BUNDLE_ID, bundleId)
                    .set(TENANT_OFFBOARDING.BUNDLE_STATUS, "READY")
                    .set(TENANT_OFFBOARDING.BUNDLE_READY_AT, OffsetDateTime.now(clock))
                    .set(TENANT_OFFBOARDING.BUNDLE_SHA256, w.sha256()).set(TENANT_OFFBOARDING.BUNDLE_BYTES, w.bytes())
                    .set(TENANT_OFFBOARDING.BUNDLE_KEY, w.wrappedKey())
                    .set(TENANT_OFFBOARDING.BUNDLE_MANIFEST, w.manifest())
                    .setNull(TENANT_OFFBOARDING.BUNDLE_DOWNLOADED_AT).setNull(TENANT_OFFBOARDING.BUNDLE_ERROR)
                    .where(TENANT_OFFBOARDING.TENANT_ID.eq(tenantId)).execute();
            previous.map(Status::bundleId).filter(id -> !id.equals(bundleId))
                    .ifPresent(old -> deleteQuietly(bundles.directoryOf(tenantId).resolve(old + ".zip.enc")));
            tenantScope.inTenant(tenantId, () -> audit.record(AuditEvent.of("privacy.tenant-export-built", "tenant",
                    tenantId).detail("bundle", bundleId.toString()).detail("bytes", w.bytes())));
        } catch (RuntimeException e) {
            log.error("Building the export bundle of tenant {} failed", tenantId, e);
            dsl.update(TENANT_OFFBOARDING).set(TENANT_OFFBOARDING.BUNDLE_STATUS, "FAILED")
                    .set(TENANT_OFFBOARDING.BUNDLE_ERROR, e.getClass().getSimpleName())
                    .where(TENANT_OFFBOARDING.TENANT_ID.eq(tenantId)).execute();
            throw e;
        }
        return status(tenantId).orElseThrow();
    }

    /** Streams the decrypted bundle (the ZIP) to {@code out}; the first download is recorded. */
    public void download(UUID tenantId, OutputStream out) {
        Status s = status(tenantId).filter(x -> "READY".equals(x.bundleStatus()))
                .orElseThrow(() -> new NotFoundException("Export bundle of tenant", tenantId));
        byte[] key = dsl.select(TENANT_OFFBOARDING.BUNDLE_KEY).from(TENANT_OFFBOARDING)
                .where(TENANT_OFFBOARDING.TENANT_ID.eq(tenantId)).fetchSingle().value1();
        bundles.open(tenantId, s.bundleId(), key, out);
        dsl.update(TENANT_OFFBOARDING).set(TENANT_OFFBOARDING.BUNDLE_DOWNLOADED_AT, OffsetDateTime.now(clock))
                .where(TENANT_OFFBOARDING.TENANT_ID.eq(tenantId))
                .and(TENANT_OFFBOARDING.BUNDLE_DOWNLOADED_AT.isNull()).execute();
        tenantScope.inTenant(tenantId, () -> audit.record(AuditEvent.of("privacy.tenant-export-downloaded", "tenant",
                tenantId).detail("bundle", String.valueOf(s.bundleId()))));
    }

    /**
     * Deletes everything of the tenant: every row of every tenant table (the database function refuses unless the
     * bundle is ready), its keys with them, its files; the tenant row stays with status DELETED, and the certificate.
     */
    public Status delete(UUID tenantId, String confirmSlug) {
        Tenant tenant = tenants.find(tenantId);
        if (!tenant.slug().equals(confirmSlug)) {
            throw new BusinessRuleException("confirmation", "Type the tenant's slug to confirm the deletion.");
        }
        Status s = status(tenantId).orElseThrow(() -> new BusinessRuleException("not-offboarding",
                "Record the end of the contract first."));
        if (s.deleted()) {
            throw new BusinessRuleException("deleted", "The tenant's data was deleted already.");
        }
        if (!"READY".equals(s.bundleStatus())) {
            throw new BusinessRuleException("no-bundle", "The controller gets its data back first: build the "
                    + "export bundle.");
        }
        tenants.changeStatus(tenantId, "OFFBOARDING");
        List<Map<String, Object>> tables = new ArrayList<>();
        long keys = dsl.resultQuery("select * from privacy_delete_tenant({0})", tenantId).fetch().stream()
                .peek(r -> tables.add(Map.of("table", r.get("table_name", String.class),
                        "rows", r.get("deleted", Long.class))))
                .filter(r -> List.of("tenant_key", "subject_key").contains(r.get("table_name", String.class)))
                .mapToLong(r -> r.get("deleted", Long.class)).sum();
        tenantKeys.evict(tenantId);
        apiKeys.evictTenant(tenantId);
        long files = deleteDirectory(bundles.directoryOf(tenantId));
        tenants.changeStatus(tenantId, "DELETED");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String certificate = certificate(tenant, s, tables, keys, files, now);
        byte[] sha = sha256(certificate);
        dsl.update(TENANT_OFFBOARDING).set(TENANT_OFFBOARDING.DELETED_AT, now)
                .set(TENANT_OFFBOARDING.DELETED_BY, Actor.current().name())
                .set(TENANT_OFFBOARDING.DELETION_CERTIFICATE, certificate)
                .set(TENANT_OFFBOARDING.DELETION_SHA256, sha).setNull(TENANT_OFFBOARDING.BUNDLE_KEY)
                .where(TENANT_OFFBOARDING.TENANT_ID.eq(tenantId)).execute();
        platformAudit("tenant.deleted", tenantId);
        return status(tenantId).orElseThrow();
    }

    private String certificate(Tenant tenant, Status s, List<Map<String, Object>> tables, long keys, long files,
                               OffsetDateTime now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("format", "creditflow.tenant-deletion-certificate");
        c.put("version", 1);
        c.put("tenant", Map.of("id", tenant.id().toString(), "slug", tenant.slug(), "name", tenant.name()));
        c.put("contractEnd", s.contractEnd().toString());
        c.put("exportDue", s.exportDue().toString());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("id", String.valueOf(s.bundleId()));
        bundle.put("readyAt", String.valueOf(s.bundleReadyAt()));
        bundle.put("sha256", s.bundleSha256());
        bundle.put("bytes", s.bundleBytes());
        bundle.put("downloadedAt", s.bundleDownloadedAt() == null ? null : s.bundleDownloadedAt().toString());
        bundle.put("inTime", !s.exportLate(LocalDate.now(clock)));
        c.put("exportBundle", bundle);
        c.put("deletedAt", now.toString());
        c.put("deletedBy", Actor.current().name());
        c.put("tables", tables.stream().sorted(Comparator.comparing(m -> String.valueOf(m.get("table")))).toList());
        c.put("rowsDeleted", tables.stream().mapToLong(m -> (Long) m.get("rows")).sum());
        c.put("keysDestroyed", keys);
        c.put("filesDeleted", files);
        c.put("kept", List.of("the tenant's name, slug and status DELETED (platform register of tenants)",
                "this certificate", "breach records of the platform (counts per tenant, no personal data)"));
        c.put("backups", "Backups taken before this deletion still hold the tenant's rows as ciphertext and its keys "
                + "wrapped under the master key; they become unreadable when they expire under the backup "
                + "retention, or when the master key they were taken under is retired. A restored backup must have "
                + "this deletion applied again (see docs/privacy/operations.md).");
        return json.writeValueAsString(c);
    }

    private long deleteDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            long files = 0;
            for (Path p : paths) {
                if (Files.isRegularFile(p)) {
                    files++;
                }
                Files.delete(p);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the superseded bundle {}", file, e);
        }
    }

    private void platformAudit(String action, UUID tenantId) {
        try (var ignored = tenantScope.enter(TenantContext.PLATFORM)) {
            audit.record(AuditEvent.of(action, "tenant", tenantId));
        }
    }

    private Status toStatus(TenantOffboardingRecord r) {
        Tenant t = tenants.find(r.getTenantId());
        return new Status(t.id(), t.slug(), t.name(), t.status(), r.getRequestedAt(), r.getRequestedBy(),
                r.getContractEnd(), r.getExportDue(), r.getBundleStatus(), r.getBundleId(), r.getBundleReadyAt(),
                r.getBundleSha256() == null ? null : HexFormat.of().formatHex(r.getBundleSha256()), r.getBundleBytes(),
                r.getBundleError(), r.getBundleDownloadedAt(), r.getDeletedAt(), r.getDeletedBy(),
                r.getDeletionCertificate(),
                r.getDeletionSha256() == null ? null : HexFormat.of().formatHex(r.getDeletionSha256()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
