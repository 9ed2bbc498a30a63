package io.creditflow.receivables.imports;

/**
 * Where an import stands. VALIDATED ends a dry run without errors; FAILED means nothing was changed (bad file,
 * errors in all-or-nothing mode, or an interruption); PARTIALLY_IMPORTED means the valid rows of a VALID_ROWS import
 * were imported and the others reported.
 */
public enum ImportStatus {
    QUEUED, VALIDATING, IMPORTING, VALIDATED, SUCCEEDED, PARTIALLY_IMPORTED, FAILED;

    public boolean isFinished() {
        return this == VALIDATED || this == SUCCEEDED || this == PARTIALLY_IMPORTED || this == FAILED;
    }
}
