package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of an invoice's ledger; amounts are signed (+ owed more, - owed less). */
public record LedgerEntry(UUID invoiceId, int seq, LedgerEntryKind kind, BigDecimal principal, BigDecimal costs,
                          BigDecimal interest, LocalDate valueDate, OffsetDateTime bookedAt,
                          @Nullable String reference, @Nullable Integer reversesSeq, @Nullable String note,
                          @Nullable String actor) {

    public BigDecimal total() {
        return principal.add(costs).add(interest);
    }
}
