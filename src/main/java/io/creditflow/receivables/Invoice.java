package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An invoice or credit note with its open amounts (the sums of its ledger entries). */
public record Invoice(UUID id, UUID debtorId, @Nullable String externalId, String number, InvoiceKind kind,
                      LocalDate issueDate, LocalDate dueDate, String currency, BigDecimal amount,
                      @Nullable BigDecimal vatAmount, String paymentReference, InvoiceStatus status,
                      @Nullable String disputeReason, BigDecimal openPrincipal, BigDecimal openCosts,
                      BigDecimal openInterest, String source, OffsetDateTime createdAt,
                      @Nullable OffsetDateTime settledAt, int version) {

    public BigDecimal openAmount() {
        return openPrincipal.add(openCosts).add(openInterest);
    }
}
