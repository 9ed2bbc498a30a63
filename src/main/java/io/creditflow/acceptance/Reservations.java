package io.creditflow.acceptance;

import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.InvoiceRegistered;
import io.creditflow.receivables.InvoicesImported;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * An open order becomes an invoice: when an invoice is registered (one by one, or by an import) whose number or
 * external id is the order reference of an open reservation, the reservation is closed as INVOICED (the invoice now
 * counts as outstanding instead, so exposure is not counted twice) and the invoice's debtor is linked to the
 * identity, whose history then includes it. Set-based: one statement per event.
 */
@Component
class Reservations {

    private static final String CONSUME = """
            with consumed as (
              update credit_reservation r set status = 'INVOICED', closed_at = now(), invoice_id = v.id
                from invoice v
               where r.tenant_id = current_tenant() and v.tenant_id = current_tenant()
                 and r.status in ('OPEN', 'PENDING_REVIEW') and r.order_reference is not null
                 and (v.number = r.order_reference or v.external_id = r.order_reference)
                 and ({0} is null or v.id = {0})
              returning r.identity_id, v.debtor_id)
            insert into credit_identity_debtor (tenant_id, identity_id, debtor_id)
            select distinct current_tenant(), identity_id, debtor_id from consumed
            on conflict do nothing""";

    private final DSLContext dsl;
    private final TenantScope tenantScope;

    Reservations(DSLContext dsl, TenantScope tenantScope) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(InvoiceRegistered event) {
        try (TenantScope.Scope ignored = tenantScope.enter(event.tenantId())) {
            consume(event.invoiceId());
        }
    }

    @ApplicationModuleListener
    void on(InvoicesImported event) {
        try (TenantScope.Scope ignored = tenantScope.enter(event.tenantId())) {
            consume(null);
        }
    }

    int consume(@Nullable UUID invoiceId) {
        return dsl.execute(CONSUME, org.jooq.impl.DSL.val(invoiceId, UUID.class));
    }
}
