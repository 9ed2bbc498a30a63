package io.creditflow.payments.web;

import io.creditflow.payments.matching.Reason;
import io.creditflow.payments.reconciliation.EntryView;
import io.creditflow.payments.reconciliation.Explanations;
import io.creditflow.payments.reconciliation.StatementImports;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** JSON shapes of the bank statement API: amounts as strings with two decimals, confidence with three. */
final class StatementJson {

    private StatementJson() {
    }

    record ImportResponse(UUID id, String fileName, String status, @Nullable String format, @Nullable String dialect,
                          int statements, int entries, int applied, int suggested, int unmatched, int duplicates,
                          int ignored, int percent, @Nullable String error, OffsetDateTime createdAt,
                          @Nullable OffsetDateTime finishedAt) {
        static ImportResponse of(StatementImports.Summary s) {
            return new ImportResponse(s.id(), s.fileName(), s.status(), s.format(), s.dialect(), s.statements(),
                    s.entries(), s.applied(), s.suggested(), s.unmatched(), s.duplicates(), s.ignored(), s.percent(),
                    s.error(), s.createdAt(), s.finishedAt());
        }
    }

    record InvoiceShare(UUID invoiceId, String number, String amount, String toCosts, String toInterest,
                        String toPrincipal, String writtenOff, String basis) {
    }

    record Match(@Nullable UUID debtorId, List<InvoiceShare> invoices, String credited) {
    }

    record SuggestionJson(int rank, UUID debtorId, List<UUID> invoiceIds, List<String> invoiceNumbers,
                          String confidence, String explanation, List<Reason> reasons) {
    }

    record EntryJson(UUID id, int seq, long line, String entryReference, int transaction, LocalDate bookingDate,
                     @Nullable LocalDate valueDate, String amount, String currency, String direction, boolean reversal,
                     String kind, String state, @Nullable String bankTransactionCode, @Nullable String endToEndId,
                     @Nullable String mandateId, @Nullable String returnReason, @Nullable String structuredReference,
                     @Nullable String payerName, @Nullable String payerAccount, @Nullable String remittance,
                     @Nullable String confidence, String explanation, List<Reason> reasons, Match match,
                     List<SuggestionJson> suggestions, @Nullable UUID duplicateOf, @Nullable String decidedBy) {

        static EntryJson of(EntryView e, Explanations explanations, Locale locale) {
            List<InvoiceShare> shares = e.allocations().stream().map(a -> new InvoiceShare(a.invoiceId(), a.number(),
                    money(a.total()), money(a.toCosts()), money(a.toInterest()), money(a.toPrincipal()),
                    money(a.writtenOff()), a.basis())).toList();
            List<SuggestionJson> suggestions = e.suggestions().stream().map(s -> new SuggestionJson(s.rank(),
                    s.debtorId(), s.invoiceIds(), s.invoiceNumbers(), StatementJson.confidence(s.confidence()),
                    explanations.explain(s.reasons(), locale), s.reasons())).toList();
            return new EntryJson(e.id(), e.seq(), e.lineNumber(), e.entryReference(), e.txIndex(), e.bookingDate(),
                    e.valueDate(), money(e.amount()), e.currency(), e.direction(), e.reversal(), e.kind(), e.state(),
                    e.bankCode(), e.endToEndId(), e.mandateId(), e.returnReason(), e.structuredReference(),
                    e.payerName(), e.payerAccount(), e.remittance(), e.confidence() == null ? null
                    : StatementJson.confidence(e.confidence()), explanations.explain(e.reasons(), locale), e.reasons(),
                    new Match(e.debtorId(), shares, money(e.credited())), suggestions, e.duplicateOf(), e.decidedBy());
        }
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String confidence(BigDecimal value) {
        return value.setScale(3, RoundingMode.DOWN).toPlainString();
    }
}
