package io.creditflow.receivables.imports;

import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One data row of a file, mapped and validated: the debtor it defines (null when it only refers to one by external
 * id), the invoice (null in a debtor import), and what is wrong with it. {@code debtorDigest} fingerprints the
 * debtor's details so rows that define the same debtor differently can be found.
 */
record ParsedRow(long line, String debtorExternalId, @Nullable DebtorRow debtor, byte @Nullable [] debtorDigest,
                 @Nullable InvoiceRow invoice, List<RowError> errors) {

    boolean valid() {
        return errors.isEmpty();
    }
}
