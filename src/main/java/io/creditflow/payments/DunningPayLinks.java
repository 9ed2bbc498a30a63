package io.creditflow.payments;

import io.creditflow.dunning.PayLinks;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;

/**
 * Pay links in dunning's e-mails, through {@link PaymentLinks#linkFor}. Only the invoices that can be paid online
 * (the debtor's, still open) go into the link; they are checked here first because a refusal thrown inside the run's
 * transaction would roll the whole run back.
 */
@Component
class DunningPayLinks implements PayLinks {

    private final DSLContext dsl;
    private final PaymentLinks links;

    DunningPayLinks(DSLContext dsl, PaymentLinks links) {
        this.dsl = dsl;
        this.links = links;
    }

    @Override
    public Optional<URI> linkFor(UUID debtorId, List<UUID> invoiceIds) {
        List<UUID> payable = dsl.select(INVOICE.ID).from(INVOICE).where(INVOICE.ID.in(invoiceIds))
                .and(INVOICE.DEBTOR_ID.eq(debtorId)).and(INVOICE.KIND.eq("INVOICE"))
                .and(INVOICE.OPEN_PRINCIPAL.plus(INVOICE.OPEN_COSTS).plus(INVOICE.OPEN_INTEREST).gt(java.math.BigDecimal.ZERO))
                .orderBy(INVOICE.DUE_DATE, INVOICE.ID).fetch(INVOICE.ID);
        return payable.isEmpty() ? Optional.empty() : Optional.of(links.linkFor(debtorId, payable));
    }
}
