package io.creditflow.payments;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.InvoiceRecord;
import io.creditflow.jooq.tables.records.PaymentLinkRecord;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PAYMENT_LINK;
import static io.creditflow.jooq.Tables.PAYMENT_LINK_INVOICE;

/**
 * Links a debtor can pay one or more invoices with, online: what dunning puts in its reminders
 * ({@link #linkFor(UUID, List)}) and the console hands out. A link is an unguessable URL; its page shows the invoices
 * and what is open on them now (not when the link was made), so a link stays right after a partial payment. A link
 * for a plan's instalment ({@link #createFixed}) pays a fixed amount instead, at most what is open.
 */
@Component
public class PaymentLinks {

    static final Duration VALIDITY = Duration.ofDays(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Link(UUID id, String token, URI url, UUID debtorId, BigDecimal amount, String currency,
                       String status, List<UUID> invoiceIds, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       @org.jspecify.annotations.Nullable OffsetDateTime paidAt) {
    }

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;

    PaymentLinks(DSLContext dsl, AuditLog audit, Clock clock, @Value("${creditflow.base-url}") String baseUrl) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The pay link for these invoices of the debtor: an open link for exactly these invoices is reused, otherwise a
     * new one is made. For dunning's messages.
     */
    @Transactional
    public URI linkFor(UUID debtorId, List<UUID> invoiceIds) {
        return create(debtorId, invoiceIds).url();
    }

    @Transactional
    public Link create(UUID debtorId, List<UUID> invoiceIds) {
        List<UUID> wanted = invoiceIds.stream().distinct().toList();
        Payable payable = payable(debtorId, wanted);
        var reusable = reusable(debtorId, wanted, null);
        if (reusable != null) {
            return toLink(reusable);
        }
        return toLink(insert(debtorId, wanted, payable.open(), payable.currency(), false));
    }

    /** Invoices of a debtor that one link is to pay, in the order the money is applied to them. */
    public record Wanted(UUID debtorId, List<UUID> invoiceIds) {
    }

    /**
     * The links of many {@link #linkFor(UUID, List)} calls at once, in order, with the same checks and the same reuse
     * of an open link for exactly the same invoices, in a few statements for all of them (a dunning run's batch
     * makes hundreds; one by one that was ten round trips each).
     */
    @Transactional
    public List<URI> linksFor(List<Wanted> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Wanted> distinct = wanted.stream().map(w -> new Wanted(w.debtorId(), w.invoiceIds().stream().distinct()
                .toList())).toList();
        Map<UUID, InvoiceRecord> invoices = new HashMap<>();
        dsl.selectFrom(INVOICE).where(INVOICE.ID.in(distinct.stream().flatMap(w -> w.invoiceIds().stream())
                .distinct().toList())).forEach(i -> invoices.put(i.getId(), i));
        Map<String, URI> open = openLinks(distinct.stream().map(Wanted::debtorId).distinct().toList());
        List<URI> urls = new ArrayList<>(distinct.size());
        List<NewLink> made = new ArrayList<>();
        for (Wanted w : distinct) {
            Payable payable = payable(w.debtorId(), w.invoiceIds(), invoices);
            String key = reuseKey(w.debtorId(), w.invoiceIds());
            URI url = open.get(key);
            if (url == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                NewLink link = new NewLink(Ids.newId(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                        w, payable);
                made.add(link);
                url = url(link.token());
                open.put(key, url);
            }
            urls.add(url);
        }
        insertAll(made);
        return urls;
    }

    private record NewLink(UUID id, String token, Wanted wanted, Payable payable) {
    }

    private Payable payable(UUID debtorId, List<UUID> wanted, Map<UUID, InvoiceRecord> invoices) {
        BigDecimal open = BigDecimal.ZERO;
        for (UUID id : wanted) {
            InvoiceRecord i = invoices.get(id);
            if (i == null) {
                throw new NotFoundException("Invoice", "one of " + wanted);
            }
            if (!i.getDebtorId().equals(debtorId) || !"INVOICE".equals(i.getKind())) {
                throw new BusinessRuleException("invoice-not-payable", "Invoice " + i.getNumber()
                        + " is not an invoice of this debtor.");
            }
            open = open.add(i.getOpenPrincipal()).add(i.getOpenCosts()).add(i.getOpenInterest());
        }
        if (wanted.isEmpty()) {
            throw new NotFoundException("Invoice", "one of " + wanted);
        }
        if (open.signum() <= 0) {
            throw new BusinessRuleException("nothing-open", "Nothing is open on these invoices.");
        }
        return new Payable(open, invoices.get(wanted.getFirst()).getCurrency());
    }

    /** The debtors' open links of what is open now (not fixed amounts), by {@link #reuseKey}. */
    private Map<String, URI> openLinks(List<UUID> debtors) {
        Map<String, URI> open = new HashMap<>();
        dsl.select(PAYMENT_LINK.DEBTOR_ID, PAYMENT_LINK.TOKEN, DSL.arrayAgg(PAYMENT_LINK_INVOICE.INVOICE_ID))
                .from(PAYMENT_LINK).join(PAYMENT_LINK_INVOICE).on(PAYMENT_LINK_INVOICE.TENANT_ID
                        .eq(PAYMENT_LINK.TENANT_ID).and(PAYMENT_LINK_INVOICE.LINK_ID.eq(PAYMENT_LINK.ID)))
                .where(PAYMENT_LINK.DEBTOR_ID.in(debtors)).and(PAYMENT_LINK.STATUS.eq("OPEN"))
                .and(PAYMENT_LINK.EXPIRES_AT.gt(OffsetDateTime.now(clock))).and(PAYMENT_LINK.FIXED_AMOUNT.eq(false))
                .groupBy(PAYMENT_LINK.TENANT_ID, PAYMENT_LINK.ID)
                .forEach(r -> open.putIfAbsent(reuseKey(r.value1(), List.of(r.value3())), url(r.value2())));
        return open;
    }

    private static String reuseKey(UUID debtorId, List<UUID> invoiceIds) {
        return debtorId + ":" + invoiceIds.stream().sorted().toList();
    }

    private URI url(String token) {
        return URI.create(baseUrl + "/pay/" + token);
    }

    private void insertAll(List<NewLink> links) {
        if (links.isEmpty()) {
            return;
        }
        OffsetDateTime expires = OffsetDateTime.now(clock).plus(VALIDITY);
        List<UUID> linkIds = new ArrayList<>();
        List<UUID> invoiceIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (NewLink l : links) {
            List<UUID> ids = l.wanted().invoiceIds();
            for (int i = 0; i < ids.size(); i++) {
                linkIds.add(l.id());
                invoiceIds.add(ids.get(i));
                positions.add(i + 1);
            }
        }
        // the foreign-key checks keep the default plan caching: see dunning's LetterRecords (a plan made for a
        // tenant the statistics do not know yet scans the tenant's links by the (tenant, debtor) index per check)
        dsl.execute("""
                    with link as (
                      insert into payment_link (tenant_id, id, token, debtor_id, amount, fixed_amount, currency, status,
                                                expires_at)
                      select current_tenant(), u.id, u.token, u.debtor, u.amount, false, u.currency, 'OPEN', {5}
                        from unnest({0}::uuid[], {1}::text[], {2}::uuid[], {3}::numeric[], {4}::text[])
                             as u(id, token, debtor, amount, currency)
                      returning id)
                    insert into payment_link_invoice (tenant_id, link_id, invoice_id, position)
                    select current_tenant(), u.link, u.invoice, u.position
                      from unnest({6}::uuid[], {7}::uuid[], {8}::int[]) as u(link, invoice, position)
                      join link l on l.id = u.link""",
                    links.stream().map(NewLink::id).toArray(UUID[]::new),
                    links.stream().map(NewLink::token).toArray(String[]::new),
                    links.stream().map(l -> l.wanted().debtorId()).toArray(UUID[]::new),
                    links.stream().map(l -> l.payable().open()).toArray(BigDecimal[]::new),
                    links.stream().map(l -> l.payable().currency()).toArray(String[]::new), expires,
                    linkIds.toArray(UUID[]::new), invoiceIds.toArray(UUID[]::new), positions.toArray(Integer[]::new));
        audit.recordAll(links.stream().map(l -> AuditEvent.of("payment-link.created", "payment-link", l.id())
                .subject(l.wanted().debtorId()).detail("invoices", l.wanted().invoiceIds().size())).toList());
    }

    /**
     * A link that pays a fixed amount across these invoices (at most what is open on them): for a payment plan's
     * instalment, whose amount the plan spreads over its invoices. The money is applied to the invoices in this order,
     * by law, like any payment on them. An open link for the same invoices and amount is reused.
     */
    @Transactional
    public Link createFixed(UUID debtorId, List<UUID> invoiceIds, BigDecimal amount) {
        List<UUID> wanted = invoiceIds.stream().distinct().toList();
        Payable payable = payable(debtorId, wanted);
        BigDecimal fixed = amount.min(payable.open()).setScale(2, java.math.RoundingMode.HALF_UP);
        if (fixed.signum() <= 0) {
            throw new BusinessRuleException("nothing-open", "The amount to pay must be positive.");
        }
        var reusable = reusable(debtorId, wanted, fixed);
        if (reusable != null) {
            return toLink(reusable);
        }
        return toLink(insert(debtorId, wanted, fixed, payable.currency(), true));
    }

    private record Payable(BigDecimal open, String currency) {
    }

    private Payable payable(UUID debtorId, List<UUID> wanted) {
        var invoices = dsl.selectFrom(INVOICE).where(INVOICE.ID.in(wanted)).fetch();
        BigDecimal open = BigDecimal.ZERO;
        for (var i : invoices) {
            if (!i.getDebtorId().equals(debtorId) || !"INVOICE".equals(i.getKind())) {
                throw new BusinessRuleException("invoice-not-payable", "Invoice " + i.getNumber()
                        + " is not an invoice of this debtor.");
            }
            open = open.add(i.getOpenPrincipal()).add(i.getOpenCosts()).add(i.getOpenInterest());
        }
        if (invoices.size() != wanted.size() || wanted.isEmpty()) {
            throw new NotFoundException("Invoice", "one of " + wanted);
        }
        if (open.signum() <= 0) {
            throw new BusinessRuleException("nothing-open", "Nothing is open on these invoices.");
        }
        return new Payable(open, invoices.getFirst().getCurrency());
    }

    /** An open link for exactly these invoices: of what is open now ({@code fixed} null), or of this fixed amount. */
    private @org.jspecify.annotations.Nullable PaymentLinkRecord reusable(UUID debtorId, List<UUID> wanted,
                                                                         @org.jspecify.annotations.Nullable BigDecimal fixed) {
        List<UUID> sorted = wanted.stream().sorted().toList();
        for (PaymentLinkRecord link : dsl.selectFrom(PAYMENT_LINK).where(PAYMENT_LINK.DEBTOR_ID.eq(debtorId))
                .and(PAYMENT_LINK.STATUS.eq("OPEN")).and(PAYMENT_LINK.EXPIRES_AT.gt(OffsetDateTime.now(clock)))
                .and(PAYMENT_LINK.FIXED_AMOUNT.eq(fixed != null))
                .and(fixed == null ? DSL.noCondition() : PAYMENT_LINK.AMOUNT.eq(fixed))
                .fetch()) {
            if (invoices(link.getId()).stream().sorted().toList().equals(sorted)) {
                return link;
            }
        }
        return null;
    }

    private PaymentLinkRecord insert(UUID debtorId, List<UUID> invoices, BigDecimal amount, String currency,
                                     boolean fixed) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        UUID id = Ids.newId();
        UUID tenant = TenantContext.require();
        dsl.insertInto(PAYMENT_LINK).set(PAYMENT_LINK.TENANT_ID, tenant).set(PAYMENT_LINK.ID, id)
                .set(PAYMENT_LINK.TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .set(PAYMENT_LINK.DEBTOR_ID, debtorId).set(PAYMENT_LINK.AMOUNT, amount).set(PAYMENT_LINK.FIXED_AMOUNT, fixed)
                .set(PAYMENT_LINK.CURRENCY, currency).set(PAYMENT_LINK.STATUS, "OPEN")
                .set(PAYMENT_LINK.EXPIRES_AT, OffsetDateTime.now(clock).plus(VALIDITY)).execute();
        for (int i = 0; i < invoices.size(); i++) {
            dsl.insertInto(PAYMENT_LINK_INVOICE).set(PAYMENT_LINK_INVOICE.TENANT_ID, tenant)
                    .set(PAYMENT_LINK_INVOICE.LINK_ID, id).set(PAYMENT_LINK_INVOICE.INVOICE_ID, invoices.get(i))
                    .set(PAYMENT_LINK_INVOICE.POSITION, i + 1).execute();
        }
        audit.record(AuditEvent.of("payment-link.created", "payment-link", id).subject(debtorId)
                .detail("invoices", invoices.size()));
        return dsl.selectFrom(PAYMENT_LINK).where(PAYMENT_LINK.ID.eq(id)).fetchSingle();
    }

    public Link get(UUID id) {
        return dsl.selectFrom(PAYMENT_LINK).where(PAYMENT_LINK.ID.eq(id)).fetchOptional().map(this::toLink)
                .orElseThrow(() -> new NotFoundException("Payment link", id));
    }

    public List<Link> list(@org.jspecify.annotations.Nullable UUID debtorId, int limit) {
        return dsl.selectFrom(PAYMENT_LINK).where(debtorId == null ? DSL.noCondition()
                        : PAYMENT_LINK.DEBTOR_ID.eq(debtorId)).orderBy(PAYMENT_LINK.CREATED_AT.desc()).limit(limit)
                .fetch(this::toLink);
    }

    List<UUID> invoices(UUID linkId) {
        return dsl.select(PAYMENT_LINK_INVOICE.INVOICE_ID).from(PAYMENT_LINK_INVOICE)
                .where(PAYMENT_LINK_INVOICE.LINK_ID.eq(linkId)).orderBy(PAYMENT_LINK_INVOICE.POSITION)
                .fetch(PAYMENT_LINK_INVOICE.INVOICE_ID);
    }

    private Link toLink(PaymentLinkRecord r) {
        return new Link(r.getId(), r.getToken(), URI.create(baseUrl + "/pay/" + r.getToken()), r.getDebtorId(),
                r.getAmount(), r.getCurrency(), r.getStatus(), invoices(r.getId()), r.getCreatedAt(), r.getExpiresAt(),
                r.getPaidAt());
    }
}
