package io.creditflow.payments.bench;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the generator makes: debtors, their invoices, and payments with the truth about each. */
public final class BenchData {

    private BenchData() {
    }

    public record Debtor(String externalId, boolean business, String name, String iban) {
    }

    /** An invoice; {@code costs} and {@code interest} are charged after registration (a reminder was sent). */
    public record Invoice(String debtorExternalId, String number, String reference, LocalDate issueDate,
                          LocalDate dueDate, BigDecimal amount, BigDecimal costs, BigDecimal interest) {

        public BigDecimal open() {
            return amount.add(costs).add(interest);
        }
    }

    /**
     * A payment as the bank reports it, with the truth: the invoices the payer meant (empty when the money is not
     * for an invoice at all).
     */
    public record Payment(Noise noise, String entryReference, BigDecimal amount, LocalDate bookingDate,
                          @Nullable String endToEndId, @Nullable String structuredReference,
                          @Nullable String remittance, @Nullable String payerName, @Nullable String payerIban,
                          List<String> truth) {

        public Payment {
            truth = List.copyOf(truth);
        }
    }

    /** Debtors [from, from + count) with everything that belongs to them. */
    public record Chunk(List<Debtor> debtors, List<Invoice> invoices, List<Payment> payments) {
    }
}
