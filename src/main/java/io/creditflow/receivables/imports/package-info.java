/**
 * Intake of many receivables at once: CSV files (streamed in constant memory, column mapping with saved profiles,
 * separator, encoding, number and date detection) and UBL 2.1 e-invoices (Peppol BIS Billing 3.0, validated with the
 * Peppol rules). An import runs in the background: first every row is validated (a dry run stops there), then the
 * rows are written in batches through {@link io.creditflow.receivables.BulkIntake} inside one transaction, so an
 * all-or-nothing import either applies completely or not at all, and a crash changes nothing. Other modules may
 * submit and follow imports ({@link io.creditflow.receivables.imports.Imports}, named interface "imports"); the demo's
 * benchmark does.
 */
@NullMarked
@NamedInterface("imports")
package io.creditflow.receivables.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
