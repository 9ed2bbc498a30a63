package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The imports API's JSON shapes; the names of the contract (id, status, rowsTotal, rowsImported, errors). */
final class ImportJson {

    static final int ERRORS_IN_STATE = 1_000;

    private ImportJson() {
    }

    record Progress(String phase, long rowsDone, @Nullable Long rowsTotal, long rowsPerSecond, int percent) {
    }

    record State(UUID id, String status, String kind, String mode, boolean dryRun, @Nullable String format,
                 @Nullable String fileName, long fileSize, @Nullable Long rowsTotal, long rowsImported,
                 long rowsUnchanged, long rowsFailed, long debtorsCreated, long debtorsUpdated, long invoicesCreated,
                 long invoicesUpdated, long errorCount, boolean errorsTruncated, List<RowError> errors,
                 String errorsCsv, Progress progress, @Nullable String message, @Nullable UUID profileId,
                 String createdBy, OffsetDateTime createdAt, @Nullable OffsetDateTime finishedAt) {

        static State of(ImportJob j, List<RowError> errors, OffsetDateTime now) {
            return new State(j.id(), j.status().name(), j.kind().name().toLowerCase(), j.mode().name(), j.dryRun(),
                    j.format(), j.fileName(), j.fileSize(), j.rowsTotal(), j.rowsImported(), j.rowsUnchanged(),
                    j.rowsFailed(), j.debtorsCreated(), j.debtorsUpdated(), j.invoicesCreated(), j.invoicesUpdated(),
                    j.errorCount(), j.errorCount() > errors.size(), errors, "/api/v1/imports/" + j.id() + "/errors.csv",
                    new Progress(j.status().name(), j.phaseRowsDone(), j.phaseRowsTotal(), j.rowsPerSecond(now),
                            j.percent()), j.message(), j.profileId(), j.createdBy(), j.createdAt(), j.finishedAt());
        }
    }

    /** A profile: {@code mapping} maps field names (debtor_external_id, amount, ...) to the file's column headers. */
    record Profile(@Nullable UUID id, @Nullable String name, @Nullable String kind, @Nullable String separator,
                   @Nullable String encoding, @Nullable String decimalSeparator, @Nullable String dateFormat,
                   @Nullable Map<String, String> mapping) {

        static Profile of(ImportProfile p) {
            Map<String, String> mapping = new LinkedHashMap<>();
            p.mapping().forEach((f, c) -> mapping.put(f.column(), c));
            return new Profile(p.id(), p.name(), p.kind().name().toLowerCase(),
                    p.separator() == null ? null : p.separator() == '\t' ? "TAB" : p.separator().toString(),
                    p.encoding(), p.decimalSeparator().name(), p.dateFormat(), mapping);
        }

        ImportProfile toProfile(@Nullable UUID id) {
            ImportKind k = kind == null ? ImportKind.INVOICES : ImportKind.valueOf(kind.toUpperCase());
            Map<ImportField, String> fields = new EnumMap<>(ImportField.class);
            if (mapping != null) {
                mapping.forEach((f, c) -> {
                    if (c != null && !c.isBlank()) {
                        fields.put(ImportField.valueOf(f.toUpperCase()), c);
                    }
                });
            }
            Character sep = separator == null || separator.isEmpty() ? null
                    : separator.equalsIgnoreCase("TAB") ? '\t' : separator.charAt(0);
            return new ImportProfile(id, name == null ? "" : name, k, sep,
                    encoding == null || encoding.isBlank() ? null : encoding.toUpperCase(),
                    decimalSeparator == null ? DecimalSeparator.AUTO : DecimalSeparator.valueOf(decimalSeparator),
                    dateFormat == null || dateFormat.isBlank() ? null : dateFormat, fields);
        }
    }
}
