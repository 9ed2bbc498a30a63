package io.creditflow.demo;

import io.creditflow.collection.CollectionCases;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.InvoiceStatus;
import io.creditflow.receivables.Invoices;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A few open collection cases in the demo tenant, made the way dunning's request makes them: the debtors of the
 * oldest open invoices (more than 60 days overdue), some moved on to later stages so the console shows a spread.
 */
@Component
class DemoCollection {

    static final int CASES = 6;
    private final CollectionCases cases;
    private final Invoices invoices;
    private final TenantScope tenantScope;
    private final Clock clock;

    DemoCollection(CollectionCases cases, Invoices invoices, TenantScope tenantScope, Clock clock) {
        this.cases = cases;
        this.invoices = invoices;
        this.tenantScope = tenantScope;
        this.clock = clock;
    }

    void setUp(UUID tenant) {
        tenantScope.inTenant(tenant, () -> {
            LocalDate cutoff = LocalDate.now(clock).minusDays(60);
            Map<UUID, List<UUID>> byDebtor = new LinkedHashMap<>();
            for (Invoice i : invoices.list(new Invoices.Filter(null, InvoiceStatus.OPEN, true, cutoff, null), null, 200)
                    .items()) {
                if (byDebtor.size() < CASES || byDebtor.containsKey(i.debtorId())) {
                    byDebtor.computeIfAbsent(i.debtorId(), k -> new java.util.ArrayList<>()).add(i.id());
                }
            }
            int n = 0;
            for (var e : byDebtor.entrySet()) {
                var caseId = cases.request(e.getKey(), e.getValue(), "demo/collection");
                for (int step = 0; caseId.isPresent() && step < n % 4; step++) {
                    if (!"OPEN".equals(cases.get(caseId.get()).status()) || cases.get(caseId.get()).stage().next() == null) {
                        break;
                    }
                    cases.advance(caseId.get());
                }
                n++;
            }
            return n;
        });
    }
}
