package io.creditflow.portal;

import io.creditflow.receivables.Address;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.Debtors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DEBTOR;
import static io.creditflow.jooq.Tables.INVOICE;

/** The portal's reads about the signed-in debtor that sign-in needs (each in the debtor's tenant). */
@Component
class PortalDebtors {

    record Code(UUID tenantId, UUID debtorId, OffsetDateTime expiresAt, String tenantStatus) {
    }

    private final DSLContext dsl;
    private final Debtors debtors;

    PortalDebtors(DSLContext dsl, Debtors debtors) {
        this.dsl = dsl;
        this.debtors = debtors;
    }

    boolean exists(UUID debtorId) {
        return dsl.fetchExists(DEBTOR, DEBTOR.ID.eq(debtorId));
    }

    /** Before a tenant is known: the security-definer lookup reveals one code's owner by its hash, nothing else. */
    Optional<Code> findCode(byte[] hash) {
        return dsl.resultQuery("select tenant_id, debtor_id, expires_at, tenant_status from portal_find_code({0})",
                        DSL.val(hash)).fetchOptional(r -> new Code(r.get(0, UUID.class), r.get(1, UUID.class),
                        r.get(2, OffsetDateTime.class), r.get(3, String.class)));
    }

    /** A postcode of one of the debtor's addresses, or the number of one of their invoices. */
    boolean secondFactorMatches(UUID debtorId, String typed) {
        String value = typed.trim();
        if (value.isEmpty() || value.length() > 100) {
            return false;
        }
        boolean invoice = dsl.fetchExists(INVOICE, INVOICE.DEBTOR_ID.eq(debtorId)
                .and(DSL.lower(INVOICE.NUMBER).eq(value.toLowerCase(Locale.ROOT))));
        if (invoice) {
            return true;
        }
        Debtor debtor = debtors.get(debtorId);
        String postcode = postcode(value);
        return debtor.profile() != null && !postcode.isEmpty() && debtor.profile().addresses().stream()
                .map(Address::postcode).filter(java.util.Objects::nonNull).map(PortalDebtors::postcode)
                .anyMatch(postcode::equals);
    }

    static String postcode(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    }
}
