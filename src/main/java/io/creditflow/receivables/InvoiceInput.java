package io.creditflow.receivables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a client sends to register an invoice or credit note (validated by {@link InvoiceValidation}). */
public record InvoiceInput(@Nullable String externalId, @Nullable UUID debtorId, @Nullable String debtorExternalId,
                           @Nullable String number, @Nullable InvoiceKind kind, @Nullable LocalDate issueDate,
                           @Nullable LocalDate dueDate, @Nullable String currency, @Nullable BigDecimal amount,
                           @Nullable BigDecimal vatAmount, @Nullable String paymentReference, List<Line> lines) {

    public InvoiceInput {
        lines = List.copyOf(lines);
    }

    public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, @Nullable BigDecimal vatRate,
                       BigDecimal amount) {
    }
}
