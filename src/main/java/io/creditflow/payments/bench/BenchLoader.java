package io.creditflow.payments.bench;

import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.InvoiceKind;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Loads the generated debtors and invoices into a tenant through the same bulk intake that CSV imports use (debtor
 * data encrypted, blind indexes written), then charges the costs and interest some invoices carry through the ledger.
 */
final class BenchLoader {

    static final int DEBTORS_PER_TRANSACTION = 5_000;

    private final TenantScope tenantScope;
    private final BulkIntake intake;
    private final Invoices invoices;
    private final Ledger ledger;

    BenchLoader(TenantScope tenantScope, BulkIntake intake, Invoices invoices, Ledger ledger) {
        this.tenantScope = tenantScope;
        this.intake = intake;
        this.invoices = invoices;
        this.ledger = ledger;
    }

    void load(UUID tenant, NoisyPayments generator, int debtors, LocalDate today, IntConsumer progress) {
        for (int from = 0; from < debtors; from += DEBTORS_PER_TRANSACTION) {
            BenchData.Chunk chunk = generator.chunk(from, Math.min(DEBTORS_PER_TRANSACTION, debtors - from));
            tenantScope.inTenant(tenant, () -> write(chunk, today));
            progress.accept(Math.min(debtors, from + DEBTORS_PER_TRANSACTION));
        }
    }

    private void write(BenchData.Chunk chunk, LocalDate today) {
        List<BulkIntake.DebtorRow> debtors = new ArrayList<>(chunk.debtors().size());
        for (BenchData.Debtor d : chunk.debtors()) {
            DebtorProfile profile = new DebtorProfile(d.name(), null, null, List.of(), List.of(), List.of(),
                    List.of(d.iban()), null, null, null);
            debtors.add(new BulkIntake.DebtorRow(d.externalId(), d.business() ? DebtorType.BUSINESS
                    : DebtorType.CONSUMER, "nl", "EMAIL", "NL", List.of(), profile));
        }
        List<BulkIntake.InvoiceRow> rows = chunk.invoices().stream().map(i -> new BulkIntake.InvoiceRow(
                i.debtorExternalId(), i.number(), null, InvoiceKind.INVOICE, i.issueDate(), i.dueDate(), "EUR",
                i.amount(), null, i.reference())).toList();
        intake.write(debtors, rows, "BENCH");
        for (BenchData.Invoice i : chunk.invoices()) {
            if (i.costs().signum() > 0 || i.interest().signum() > 0) {
                UUID id = invoices.findByNumber(i.number()).orElseThrow().id();
                ledger.post(id, LedgerEntryKind.COST_CHARGED, BigDecimal.ZERO, i.costs(), BigDecimal.ZERO, today,
                        null, "bench: collection costs");
                ledger.post(id, LedgerEntryKind.INTEREST_CHARGED, BigDecimal.ZERO, BigDecimal.ZERO, i.interest(), today,
                        null, "bench: interest");
            }
        }
    }
}
