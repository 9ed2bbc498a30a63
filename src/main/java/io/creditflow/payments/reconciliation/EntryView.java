package io.creditflow.payments.reconciliation;

import io.creditflow.payments.matching.Reason;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One statement line as the API and console show it: what the bank said, what became of it (state, debtor,
 * confidence and the reasons), how it was applied, and the best suggestions while it waits for a person.
 */
public record EntryView(UUID id, UUID importId, int seq, long lineNumber, String entryReference, int txIndex,
                        LocalDate bookingDate, @Nullable LocalDate valueDate, BigDecimal amount, String currency,
                        String direction, boolean reversal, String kind, String state, @Nullable String bankCode,
                        @Nullable String endToEndId, @Nullable String mandateId, @Nullable String returnReason,
                        @Nullable String structuredReference, @Nullable String payerName,
                        @Nullable String payerAccount, @Nullable String remittance, @Nullable String additionalInfo,
                        @Nullable UUID debtorId, @Nullable BigDecimal confidence, List<Reason> reasons,
                        @Nullable UUID duplicateOf, @Nullable String decidedBy, List<Allocated> allocations,
                        BigDecimal credited, List<Suggestion> suggestions) {

    /** What one invoice received from this line. */
    public record Allocated(UUID invoiceId, String number, BigDecimal toCosts, BigDecimal toInterest,
                            BigDecimal toPrincipal, BigDecimal writtenOff, String basis) {
        public BigDecimal total() {
            return toCosts.add(toInterest).add(toPrincipal);
        }
    }

    /** A proposal waiting for a person. */
    public record Suggestion(int rank, UUID debtorId, List<UUID> invoiceIds, List<String> invoiceNumbers,
                             BigDecimal confidence, List<Reason> reasons) {
    }

    public boolean waiting() {
        return state.equals("SUGGESTED") || state.equals("UNMATCHED");
    }
}
