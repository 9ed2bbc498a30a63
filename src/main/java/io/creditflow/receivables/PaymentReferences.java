package io.creditflow.receivables;

import io.creditflow.platform.TenantContext;
import io.creditflow.shared.Betalingskenmerk;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static io.creditflow.jooq.Tables.TENANT_COUNTER;

/**
 * Generates payment references for invoices that come without one: 16-digit Dutch betalingskenmerken (check digit
 * per the Currence rules) from a per-tenant counter, allocated in blocks for imports. Every Dutch bank recognises
 * them and puts them in the structured remittance field of the statement, which makes matching exact.
 */
@Component
public class PaymentReferences {

    private static final String COUNTER = "payment-reference";

    private final DSLContext dsl;

    PaymentReferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    public String next() {
        return allocate(1).getFirst();
    }

    public List<String> allocate(int count) {
        if (count == 0) {
            return List.of();
        }
        long last = dsl.insertInto(TENANT_COUNTER).set(TENANT_COUNTER.TENANT_ID, TenantContext.require())
                .set(TENANT_COUNTER.NAME, COUNTER).set(TENANT_COUNTER.VALUE, (long) count)
                .onConflict(TENANT_COUNTER.TENANT_ID, TENANT_COUNTER.NAME).doUpdate()
                .set(TENANT_COUNTER.VALUE, TENANT_COUNTER.VALUE.plus(count))
                .returning(TENANT_COUNTER.VALUE).fetchSingle().getValue();
        List<String> refs = new ArrayList<>(count);
        for (long n = last - count + 1; n <= last; n++) {
            refs.add(Betalingskenmerk.generate(n).value());
        }
        return refs;
    }
}
