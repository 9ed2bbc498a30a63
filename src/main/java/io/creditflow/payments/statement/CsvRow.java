package io.creditflow.payments.statement;

import io.creditflow.payments.statement.CsvColumnMapping.Field;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** One CSV record turned into statement values, before it becomes an entry. */
record CsvRow(long line, String account, LocalDate bookingDate, @Nullable LocalDate valueDate, Money signedAmount,
              @Nullable Money balanceAfter, TransactionDetails details, @Nullable String entryReference,
              String rawContent) {

    static @Nullable String value(java.util.Map<Field, int[]> columns, java.util.List<String> record, Field field) {
        int[] indexes = columns.get(field);
        if (indexes == null) {
            return null;
        }
        if (CsvColumnMapping.multiColumn(field) && field == Field.DESCRIPTION) {
            StringBuilder joined = new StringBuilder();
            for (int index : indexes) {
                String v = index < record.size() ? Details.blankToNull(record.get(index)) : null;
                if (v != null) {
                    joined.append(joined.isEmpty() ? "" : " ").append(v);
                }
            }
            return joined.isEmpty() ? null : joined.toString();
        }
        for (int index : indexes) {
            String v = index < record.size() ? Details.blankToNull(record.get(index)) : null;
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
