package io.creditflow.receivables.imports;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.InvoicesImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Runs one import: validates every row first, then (unless it is a dry run, or an all-or-nothing import with errors)
 * writes the valid rows, all inside one transaction. Whatever goes wrong, the data is either fully written or
 * untouched, the import record says why, one audit entry summarises it, and the upload is deleted.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportProfiles profiles;
    private final CsvImport csv;
    private final UblImport ubl;
    private final TenantScope tenantScope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ImportRunner(ImportJobs jobs, ImportFiles files, ImportProfiles profiles, CsvImport csv, UblImport ubl,
                 TenantScope tenantScope, AuditLog audit, ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.files = files;
        this.profiles = profiles;
        this.csv = csv;
        this.ubl = ubl;
        this.tenantScope = tenantScope;
        this.audit = audit;
        this.events = events;
    }

    /** Carries the outcome out of the transaction while rolling it back. */
    private static final class Rollback extends RuntimeException {
        private final ImportJobs.Outcome outcome;

        Rollback(ImportJobs.Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    void run(UUID tenant, UUID importId) {
        try (var scope = tenantScope.enter(tenant)) {
            if (!jobs.start(importId)) {
                return;
            }
            ImportJob job = jobs.get(importId);
            Path file = files.path(tenant, importId);
            ErrorSink errors = new ErrorSink(jobs, importId);
            ImportJobs.Outcome outcome;
            try {
                if (!Files.exists(file)) {
                    throw new ImportFormatException(null, null, "the uploaded file is no longer available (the import"
                            + " was interrupted and its upload removed); upload it again");
                }
                outcome = tenantScope.inTenant(tenant, () -> execute(job, file, errors));
            } catch (Rollback r) {
                outcome = r.outcome;
            } catch (ImportFormatException e) {
                errors.add(new RowError(e.line(), e.column(), e.getMessage()));
                outcome = failed(0, "The file cannot be read: " + e.getMessage() + ". Nothing was imported.");
            } catch (DataIntegrityViolationException e) {
                log.warn("Import {} refused by the database", importId, e);
                outcome = failed(0, "The database refused a row (" + constraint(e) + "). Nothing was imported.");
            } catch (RuntimeException e) {
                log.error("Import {} failed", importId, e);
                outcome = failed(0, "The import failed unexpectedly (logged as import " + importId
                        + "). Nothing was imported.");
            }
            errors.flush();
            jobs.finish(importId, outcome);
            if (outcome.status() != ImportStatus.SUCCEEDED && outcome.status() != ImportStatus.PARTIALLY_IMPORTED) {
                AuditEvent summary = summary(job, outcome, errors.count());
                tenantScope.inTenant(tenant, () -> audit.record(summary));
            }
            files.delete(tenant, importId);
        }
    }

    private ImportJobs.Outcome execute(ImportJob job, Path file, ErrorSink errors) {
        Progress progress = new Progress(jobs, job.id());
        boolean isUbl = "UBL".equals(job.format());
        CsvImport.Validation validation;
        UblImport.Document document = null;
        if (isUbl) {
            jobs.estimate(job.id(), 1, "{\"format\":\"UBL\"}");
            document = ubl.read(file, errors);
            validation = new CsvImport.Validation("{\"format\":\"UBL\"}", 1, new java.util.BitSet(),
                    document == null ? 1 : 0, false);
        } else {
            ImportProfile profile = profiles.resolve(job.profileId(), job.kind());
            jobs.estimate(job.id(), CsvImport.estimateRows(file), "{}");
            validation = csv.validate(file, profile, errors, progress);
            jobs.estimate(job.id(), validation.rows(), validation.detected());
        }
        errors.flush();
        long total = validation.rows();
        long bad = validation.invalidRows();
        if (job.dryRun()) {
            throw new Rollback(new ImportJobs.Outcome(bad == 0 ? ImportStatus.VALIDATED : ImportStatus.FAILED, total,
                    0, 0, bad, 0, 0, 0, 0, "Dry run: " + (total - bad) + " of " + total + " rows are valid"
                    + (bad == 0 ? "." : "; " + errors.count() + " errors.") + " Nothing was imported."));
        }
        if (bad > 0 && (job.mode() == ImportMode.ALL_OR_NOTHING || bad == total)) {
            throw new Rollback(failed(total, bad, bad + " of " + total + " rows have errors"
                    + (bad == total ? "" : " and the mode is ALL_OR_NOTHING") + ". Nothing was imported."));
        }
        if (total == 0) {
            throw new Rollback(failed(0, "The file has a header but no rows. Nothing was imported."));
        }
        progress.phase(ImportStatus.IMPORTING, total - bad);
        BulkIntake.Result r = isUbl ? ubl.write(document, job.id())
                : csv.write(file, profiles.resolve(job.profileId(), job.kind()), validation, progress);
        boolean invoices = job.kind() == ImportKind.INVOICES;
        long imported = invoices ? r.invoicesCreated() + r.invoicesUpdated() : r.debtorsCreated() + r.debtorsUpdated();
        long unchanged = invoices ? r.invoicesUnchanged() : r.debtorsUnchanged();
        ImportJobs.Outcome outcome = new ImportJobs.Outcome(bad == 0 ? ImportStatus.SUCCEEDED
                : ImportStatus.PARTIALLY_IMPORTED, total, imported, unchanged, bad, r.debtorsCreated(),
                r.debtorsUpdated(), r.invoicesCreated(), r.invoicesUpdated(), imported + " rows imported, "
                + unchanged + " unchanged" + (bad == 0 ? "." : ", " + bad + " rejected (see the errors)."));
        audit.record(summary(job, outcome, errors.count()));
        if (r.invoicesCreated() + r.invoicesUpdated() + r.debtorsCreated() + r.debtorsUpdated() > 0) {
            events.publishEvent(new InvoicesImported(io.creditflow.platform.TenantContext.require(), job.id(),
                    r.invoicesCreated() + r.invoicesUpdated(), r.debtorsCreated() + r.debtorsUpdated()));
        }
        return outcome;
    }

    private static AuditEvent summary(ImportJob job, ImportJobs.Outcome o, long errorCount) {
        return AuditEvent.of("receivables.imported", "import", job.id())
                .detail("status", o.status().name()).detail("format", String.valueOf(job.format()))
                .detail("mode", job.mode().name()).detail("dryRun", job.dryRun())
                .detail("requestedBy", job.createdBy()).detail("rowsTotal", o.rowsTotal())
                .detail("rowsImported", o.rowsImported()).detail("rowsUnchanged", o.rowsUnchanged())
                .detail("rowsFailed", o.rowsFailed()).detail("errors", errorCount)
                .detail("debtorsCreated", o.debtorsCreated()).detail("invoicesCreated", o.invoicesCreated());
    }

    private static ImportJobs.Outcome failed(long total, String message) {
        return failed(total, total, message);
    }

    private static ImportJobs.Outcome failed(long total, long bad, String message) {
        return new ImportJobs.Outcome(ImportStatus.FAILED, total, 0, 0, bad, 0, 0, 0, 0, message);
    }

    private static String constraint(DataIntegrityViolationException e) {
        String m = String.valueOf(e.getMostSpecificCause().getMessage());
        int at = m.indexOf("constraint \"");
        return at < 0 ? "integrity rule" : m.substring(at, Math.min(m.length(), m.indexOf('"', at + 12) + 1));
    }
}
