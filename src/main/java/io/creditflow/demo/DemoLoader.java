package io.creditflow.demo;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.Invoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Loads generated demo data into a tenant through the same bulk intake that CSV imports use, one transaction per
 * chunk of debtors.
 */
@Component
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final int CHUNK = 2_000;

    private final BulkIntake intake;
    private final Invoices invoices;
    private final TenantScope tenantScope;
    private final AuditLog audit;

    DemoLoader(BulkIntake intake, Invoices invoices, TenantScope tenantScope, AuditLog audit) {
        this.audit = audit;
        this.intake = intake;
        this.invoices = invoices;
        this.tenantScope = tenantScope;
    }

    public record Loaded(int debtors, int invoices, int payments) {
    }

    public Loaded load(UUID tenant, int debtorCount, long seed, LocalDate today, IntConsumer progress) {
        return load(tenant, debtorCount, seed, today, true, progress);
    }

    /** With {@code history} false no payments, disputes or hand-offs are written: every invoice stays open. */
    public Loaded load(UUID tenant, int debtorCount, long seed, LocalDate today, boolean history,
                       IntConsumer progress) {
        DemoDataGenerator generator = new DemoDataGenerator(seed, today);
        int invoiceCount = 0;
        int paymentCount = 0;
        for (int from = 0; from < debtorCount; from += CHUNK) {
            DemoDataGenerator.Chunk chunk = generator.chunk(from, Math.min(CHUNK, debtorCount - from));
            int[] counts = tenantScope.inTenant(tenant, () -> write(chunk, history));
            invoiceCount += counts[0];
            paymentCount += counts[1];
            progress.accept(Math.min(debtorCount, from + CHUNK));
        }
        int invoicesWritten = invoiceCount;
        int paymentsWritten = paymentCount;
        tenantScope.inTenant(tenant, () -> audit.record(AuditEvent.of("demo-data.loaded", "tenant", tenant)
                .detail("debtors", debtorCount).detail("invoices", invoicesWritten).detail("payments", paymentsWritten)));
        log.info("Demo data: {} debtors, {} invoices, {} payments", debtorCount, invoiceCount, paymentCount);
        return new Loaded(debtorCount, invoiceCount, paymentCount);
    }

    private int[] write(DemoDataGenerator.Chunk chunk, boolean history) {
        intake.write(chunk.debtors(), chunk.invoices(), "DEMO");
        if (!history) {
            return new int[] {chunk.invoices().size(), 0};
        }
        int paid = intake.writePayments(chunk.payments());
        paid += intake.writePayments(chunk.laterPayments());
        for (String number : chunk.disputed()) {
            invoices.findByNumber(number).ifPresent(i -> invoices.dispute(i.id(), pickReason(number)));
        }
        if (!chunk.inCollection().isEmpty()) {
            invoices.markInCollection(chunk.inCollection().stream()
                    .map(n -> invoices.findByNumber(n).orElseThrow().id()).toList());
        }
        return new int[] {chunk.invoices().size(), paid};
    }

    private static String pickReason(String number) {
        List<String> reasons = List.of("Goederen beschadigd ontvangen", "Factuur al betaald volgens klant",
                "Bestelling niet compleet geleverd", "Prijs wijkt af van offerte");
        return reasons.get(Math.floorMod(number.hashCode(), reasons.size()));
    }
}
