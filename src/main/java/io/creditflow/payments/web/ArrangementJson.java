package io.creditflow.payments.web;

import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.PromisesToPay;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.creditflow.payments.web.StatementJson.money;

/** JSON of plans and promises: amounts as strings with two decimals. */
final class ArrangementJson {

    private ArrangementJson() {
    }

    record InstalmentJson(int number, LocalDate dueDate, String amount, String status) {
    }

    record PlanJson(UUID id, UUID debtorId, String status, String total, String currency, String frequency,
                    int graceDays, List<UUID> invoiceIds, List<InstalmentJson> instalments, String paid,
                    String openNow, @Nullable String note, OffsetDateTime createdAt, @Nullable OffsetDateTime agreedAt,
                    @Nullable String closeReason) {
        static PlanJson of(PaymentPlans.Plan p) {
            return new PlanJson(p.id(), p.debtorId(), p.status(), money(p.total()), p.currency(), p.frequency().name(),
                    p.graceDays(), p.invoiceIds(), p.instalments().stream().map(i -> new InstalmentJson(i.number(),
                    i.dueDate(), money(i.amount()), i.status())).toList(), money(p.paid()), money(p.openNow()),
                    p.note(), p.createdAt(), p.agreedAt(), p.closeReason());
        }
    }

    record PromiseJson(UUID id, UUID debtorId, String amount, String currency, LocalDate promisedDate,
                       LocalDate pausedUntil, String status, String channel, List<UUID> invoiceIds, String paid,
                       @Nullable String note, OffsetDateTime createdAt) {
        static PromiseJson of(PromisesToPay.Promise p) {
            return new PromiseJson(p.id(), p.debtorId(), money(p.amount()), p.currency(), p.promisedDate(),
                    p.pausedUntil(), p.status(), p.channel(), p.invoiceIds(), money(p.paid()), p.note(),
                    p.createdAt());
        }
    }
}
