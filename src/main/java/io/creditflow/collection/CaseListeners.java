package io.creditflow.collection;

import io.creditflow.dunning.CollectionCaseRequested;
import io.creditflow.payments.PaymentReceived;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.InvoiceSettled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Reacts to the other modules: dunning asks for a case (delivered at least once: {@link CollectionCases#request} is
 * idempotent per step), an invoice settles or a payment arrives (the case closes when none of its claims is open).
 */
@Component
class CaseListeners {

    private final CollectionCases cases;
    private final TenantScope tenantScope;

    CaseListeners(CollectionCases cases, TenantScope tenantScope) {
        this.cases = cases;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(CollectionCaseRequested requested) {
        tenantScope.inTenant(requested.tenantId(), () -> cases.request(requested.debtorId(), requested.invoiceIds(),
                requested.stepId()));
    }

    @ApplicationModuleListener
    void on(InvoiceSettled settled) {
        closeCasesOf(settled.tenantId(), List.of(settled.invoiceId()));
    }

    @ApplicationModuleListener
    void on(PaymentReceived payment) {
        closeCasesOf(payment.tenantId(), payment.invoiceIds());
    }

    private void closeCasesOf(UUID tenant, List<UUID> invoiceIds) {
        tenantScope.inTenant(tenant, () -> {
            invoiceIds.stream().flatMap(i -> cases.openCasesWithInvoice(i).stream()).distinct()
                    .forEach(c -> cases.closeIfPaid(c, "PAID"));
            return null;
        });
    }
}
