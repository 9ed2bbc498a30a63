package io.creditflow.receivables.imports;

/**
 * ALL_OR_NOTHING: one bad row and nothing changes. VALID_ROWS: the valid rows are imported, the bad ones reported.
 * Either way every row is validated before anything is written.
 */
public enum ImportMode {
    ALL_OR_NOTHING, VALID_ROWS
}
