package io.creditflow.payments;

import io.creditflow.dunning.PayLinks;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final PaymentPlans plans;

    DunningPayLinks(DSLContext dsl, PaymentLinks links, PaymentPlans plans) {
        this.dsl = dsl;
        this.links = links;
        this.plans = plans;
    }

    @Override
    public Optional<URI> linkFor(UUID debtorId, List<UUID> invoiceIds) {
        List<UUID> payable = payable(debtorId, invoiceIds);
        return payable.isEmpty() ? Optional.empty() : Optional.of(links.linkFor(debtorId, payable));
    }

    /**
     * An instalment is not an invoice: its link pays the instalment's open amount (plus the listed invoices' open
     * amounts) across the plan's invoices, which the payment is then allocated over by law like any payment on the
     * plan, so the plan's progress counts it whichever invoice it lands on.
     */
    @Override
    public Optional<URI> linkFor(UUID debtorId, List<UUID> invoiceIds, List<UUID> instalmentIds) {
        List<PaymentPlans.OpenInstalment> open = instalmentIds.isEmpty() ? List.of()
                : plans.openInstalmentsOf(debtorId, instalmentIds);
        if (open.isEmpty()) {
            return linkFor(debtorId, invoiceIds);
        }
        List<UUID> listed = payable(debtorId, invoiceIds);
        BigDecimal amount = open.stream().map(PaymentPlans.OpenInstalment::open).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(openOn(listed));
        List<UUID> planInvoices = payable(debtorId, open.stream().map(PaymentPlans.OpenInstalment::planId).distinct()
                .flatMap(plan -> plans.get(plan).invoiceIds().stream()).toList());
        List<UUID> covered = java.util.stream.Stream.concat(listed.stream(), planInvoices.stream()).distinct().toList();
        if (covered.isEmpty() || amount.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(links.createFixed(debtorId, covered, amount).url());
    }

    /**
     * Requests without instalments (nearly all) in three statements for the batch: which of their invoices are
     * payable, then {@link PaymentLinks#linksFor}; those with instalments one by one, in their place.
     */
    @Override
    public List<Optional<URI>> linksFor(List<Request> requests) {
        Map<UUID, Integer> rank = new HashMap<>();
        Map<UUID, UUID> debtorOf = new HashMap<>();
        List<UUID> asked = requests.stream().filter(r -> r.instalmentIds().isEmpty())
                .flatMap(r -> r.invoiceIds().stream()).distinct().toList();
        if (!asked.isEmpty()) {
            // as payable(): the debtor's open invoices, oldest due first (the database's order of the ids, too)
            dsl.select(INVOICE.ID, INVOICE.DEBTOR_ID).from(INVOICE).where(INVOICE.ID.in(asked))
                    .and(INVOICE.KIND.eq("INVOICE"))
                    .and(INVOICE.OPEN_PRINCIPAL.plus(INVOICE.OPEN_COSTS).plus(INVOICE.OPEN_INTEREST).gt(BigDecimal.ZERO))
                    .orderBy(INVOICE.DUE_DATE, INVOICE.ID).forEach(r -> {
                        rank.put(r.value1(), rank.size());
                        debtorOf.put(r.value1(), r.value2());
                    });
        }
        List<PaymentLinks.Wanted> wanted = new ArrayList<>();
        List<Integer> wantedAt = new ArrayList<>();
        List<Optional<URI>> out = new ArrayList<>(java.util.Collections.nCopies(requests.size(), Optional.empty()));
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            if (!r.instalmentIds().isEmpty()) {
                out.set(i, linkFor(r.debtorId(), r.invoiceIds(), r.instalmentIds()));
                continue;
            }
            List<UUID> payable = r.invoiceIds().stream().distinct()
                    .filter(id -> r.debtorId().equals(debtorOf.get(id))).sorted(Comparator.comparing(rank::get))
                    .toList();
            if (!payable.isEmpty()) {
                wanted.add(new PaymentLinks.Wanted(r.debtorId(), payable));
                wantedAt.add(i);
            }
        }
        List<URI> made = links.linksFor(wanted);
        for (int w = 0; w < made.size(); w++) {
            out.set(wantedAt.get(w), Optional.of(made.get(w)));
        }
        return out;
    }

    /** The debtor's invoices among these that are still open, oldest due first. */
    private List<UUID> payable(UUID debtorId, List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(INVOICE.ID).from(INVOICE).where(INVOICE.ID.in(invoiceIds))
                .and(INVOICE.DEBTOR_ID.eq(debtorId)).and(INVOICE.KIND.eq("INVOICE"))
                .and(INVOICE.OPEN_PRINCIPAL.plus(INVOICE.OPEN_COSTS).plus(INVOICE.OPEN_INTEREST).gt(BigDecimal.ZERO))
                .orderBy(INVOICE.DUE_DATE, INVOICE.ID).fetch(INVOICE.ID);
    }

    private BigDecimal openOn(List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return dsl.select(DSL.coalesce(DSL.sum(INVOICE.OPEN_PRINCIPAL.plus(INVOICE.OPEN_COSTS)
                .plus(INVOICE.OPEN_INTEREST)), BigDecimal.ZERO)).from(INVOICE).where(INVOICE.ID.in(invoiceIds))
                .fetchSingle().value1();
    }
}
