package io.creditflow.payments.directdebit;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.SepaMandateRecord;
import io.creditflow.payments.DirectDebitCollectionCreated;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.reconciliation.PaymentSettingsStore;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.receivables.Debtors;
import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.FreeTextReference;
import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import io.creditflow.shared.PaymentReference;
import io.creditflow.shared.RfCreditorReference;
import io.creditflow.shared.SepaCreditorId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DD_COLLECTION;
import static io.creditflow.jooq.Tables.DD_ITEM;
import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.SEPA_MANDATE;

/**
 * Makes the pain.008.001.02 file for one collection date: every open, due invoice of a debtor with an active mandate
 * of the scheme, not disputed, not handed to collection, not under a plan or promise, and not already in a scheduled
 * collection. The file is validated against the schema before it is stored; the debtors are told through messaging
 * (the pre-notification, {@link DirectDebitCollectionCreated}), which is why the date must be at least the tenant's
 * pre-notification days away and a TARGET business day. The pre-notifications go into the messaging outbox in the same
 * transaction as the file.
 */
@Component
public class DirectDebitCollections {

    private static final DateTimeFormatter MESSAGE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    public record Collection(UUID id, String messageId, LocalDate collectionDate, String status, int items,
                             BigDecimal controlSum, java.time.OffsetDateTime createdAt) {
    }

    private final DSLContext dsl;
    private final Mandates mandates;
    private final Debtors debtors;
    private final PaymentSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final PreNotifications preNotifications;

    DirectDebitCollections(DSLContext dsl, Mandates mandates, Debtors debtors, PaymentSettingsStore settings,
                           ApplicationEventPublisher events, AuditLog audit, Clock clock,
                           PreNotifications preNotifications) {
        this.preNotifications = preNotifications;
        this.dsl = dsl;
        this.mandates = mandates;
        this.debtors = debtors;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Collection create(LocalDate collectionDate, String scheme) {
        PaymentSettings s = settings.current();
        if (!s.directDebitReady()) {
            throw new BusinessRuleException("creditor-not-configured", "Set the creditor's name, IBAN and SEPA "
                    + "creditor id in the payment settings first.");
        }
        LocalDate earliest = TargetCalendar.nextBusinessDay(LocalDate.now(clock).plusDays(s.preNotificationDays()));
        if (collectionDate.isBefore(earliest) || !TargetCalendar.isBusinessDay(collectionDate)) {
            throw new BusinessRuleException("collection-date", "The collection date must be a TARGET business day on "
                    + "or after " + earliest + " (" + s.preNotificationDays() + " days' pre-notification).");
        }
        List<Record> due = candidates(collectionDate, scheme);
        if (due.isEmpty()) {
            throw new BusinessRuleException("nothing-to-collect", "No open, due invoices of debtors with an active "
                    + scheme + " mandate.");
        }
        UUID id = Ids.newId();
        String messageId = "CF" + collectionDate.format(MESSAGE_DATE) + id.toString().replace("-", "").substring(0, 16)
                .toUpperCase();
        List<Planned> planned = plan(due, collectionDate);
        DirectDebitInitiation initiation = new DirectDebitInitiation(messageId, LocalDateTime.now(clock),
                s.creditorName(), new DirectDebitCreditor(s.creditorName(), Iban.parse(s.creditorIban()),
                s.creditorBic(), SepaCreditorId.parse(s.creditorId())), LocalInstrument.valueOf(scheme),
                planned.stream().map(Planned::transaction).toList());
        byte[] file = new Pain008Writer().toValidatedBytes(initiation);
        store(id, messageId, collectionDate, planned, initiation.controlSum().amount(), file);
        notified(id, preNotifications.send(id, notices(id), s));
        int debtorCount = (int) planned.stream().map(Planned::debtorId).distinct().count();
        audit.record(AuditEvent.of("direct-debit.collection-created", "dd-collection", id)
                .detail("items", planned.size()).detail("date", collectionDate.toString()));
        events.publishEvent(new DirectDebitCollectionCreated(TenantContext.require(), id, collectionDate, debtorCount,
                planned.size()));
        return get(id);
    }

    private List<Record> candidates(LocalDate collectionDate, String scheme) {
        return dsl.resultQuery("""
                select i.id as invoice_id, i.debtor_id, i.number, i.payment_reference,
                       i.open_principal + i.open_costs + i.open_interest as open, m.id as mandate_id
                  from invoice i
                  join lateral (select id from sepa_mandate m where m.tenant_id = i.tenant_id and m.debtor_id = i.debtor_id
                                   and m.status = 'ACTIVE' and m.scheme = {1} and m.signed_on <= {0}
                                 order by m.signed_on desc, m.id limit 1) m on true
                 where i.kind = 'INVOICE' and i.status in ('OPEN', 'PARTIALLY_PAID') and i.currency = 'EUR'
                   and i.due_date <= {0} and i.open_principal + i.open_costs + i.open_interest > 0
                   and not exists (select 1 from dd_item d where d.tenant_id = i.tenant_id and d.invoice_id = i.id
                                     and d.status = 'SCHEDULED')
                   and not exists (select 1 from payment_plan_invoice pi join payment_plan p
                                     on p.tenant_id = pi.tenant_id and p.id = pi.plan_id
                                    where pi.tenant_id = i.tenant_id and pi.invoice_id = i.id
                                      and p.status in ('PROPOSED', 'ACTIVE'))
                   and not exists (select 1 from promise_to_pay_invoice qi join promise_to_pay q
                                     on q.tenant_id = qi.tenant_id and q.id = qi.promise_id
                                    where qi.tenant_id = i.tenant_id and qi.invoice_id = i.id and q.status = 'OPEN')
                 order by i.debtor_id, i.due_date, i.id""", collectionDate, scheme).fetch();
    }

    /** One item per invoice; a mandate never collected before makes FRST items, a one-off mandate OOFF. */
    private record Planned(UUID invoiceId, UUID debtorId, UUID mandateId, String endToEndId, SequenceType sequence,
                           DirectDebitTransaction transaction) {
    }

    private List<Planned> plan(List<Record> due, LocalDate collectionDate) {
        Set<UUID> mandateIds = new HashSet<>();
        due.forEach(r -> mandateIds.add(r.get("mandate_id", UUID.class)));
        Map<UUID, SepaMandateRecord> byId = new HashMap<>();
        dsl.selectFrom(SEPA_MANDATE).where(SEPA_MANDATE.ID.in(mandateIds)).forUpdate().fetch()
                .forEach(m -> byId.put(m.getId(), m));
        Map<UUID, String> names = new HashMap<>();
        List<Planned> planned = new ArrayList<>(due.size());
        for (Record r : due) {
            SepaMandateRecord mandate = byId.get(r.get("mandate_id", UUID.class));
            UUID debtor = r.get("debtor_id", UUID.class);
            String name = names.computeIfAbsent(debtor, d -> debtors.get(d).displayName());
            SequenceType sequence = mandate.getType().equals("ONE_OFF") ? SequenceType.OOFF
                    : mandate.getFirstCollected() == null ? SequenceType.FRST : SequenceType.RCUR;
            String e2e = "CF" + Ids.newId().toString().replace("-", "").toUpperCase();
            var tx = new DirectDebitTransaction(e2e, Money.of(r.get("open", BigDecimal.class), Money.EUR),
                    mandate.getReference(), mandate.getSignedOn(), sequence, collectionDate, name,
                    Iban.parse(mandates.iban(mandate)), mandate.getBic(), remittance(r.get("payment_reference",
                    String.class), r.get("number", String.class)));
            planned.add(new Planned(r.get("invoice_id", UUID.class), debtor, mandate.getId(), e2e, sequence, tx));
        }
        return planned;
    }

    private static @Nullable PaymentReference remittance(String reference, String number) {
        if (Betalingskenmerk.isValid(reference)) {
            return Betalingskenmerk.parse(reference);
        }
        if (RfCreditorReference.isValid(reference)) {
            return RfCreditorReference.parse(reference);
        }
        return new FreeTextReference("Factuur " + number);
    }

    private void store(UUID id, String messageId, LocalDate date, List<Planned> planned, BigDecimal sum, byte[] file) {
        UUID tenant = TenantContext.require();
        dsl.insertInto(DD_COLLECTION).set(DD_COLLECTION.TENANT_ID, tenant).set(DD_COLLECTION.ID, id)
                .set(DD_COLLECTION.MESSAGE_ID, messageId).set(DD_COLLECTION.COLLECTION_DATE, date)
                .set(DD_COLLECTION.STATUS, "CREATED").set(DD_COLLECTION.ITEMS, planned.size())
                .set(DD_COLLECTION.CONTROL_SUM, sum).set(DD_COLLECTION.FILE, file)
                .set(DD_COLLECTION.CREATED_BY, Actor.current().name()).execute();
        var insert = dsl.insertInto(DD_ITEM, DD_ITEM.TENANT_ID, DD_ITEM.COLLECTION_ID, DD_ITEM.END_TO_END_ID,
                DD_ITEM.MANDATE_ID, DD_ITEM.DEBTOR_ID, DD_ITEM.INVOICE_ID, DD_ITEM.AMOUNT, DD_ITEM.SEQUENCE_TYPE);
        for (Planned p : planned) {
            insert = insert.values(tenant, id, p.endToEndId(), p.mandateId(), p.debtorId(), p.invoiceId(),
                    p.transaction().amount().amount(), p.sequence().name());
        }
        insert.execute();
        Set<UUID> used = new HashSet<>(planned.stream().map(Planned::mandateId).toList());
        dsl.update(SEPA_MANDATE).set(SEPA_MANDATE.FIRST_COLLECTED, DSL.coalesce(SEPA_MANDATE.FIRST_COLLECTED, date))
                .set(SEPA_MANDATE.LAST_COLLECTED, date)
                .set(SEPA_MANDATE.STATUS, DSL.when(SEPA_MANDATE.TYPE.eq("ONE_OFF"), "USED").otherwise(SEPA_MANDATE.STATUS))
                .where(SEPA_MANDATE.ID.in(used)).execute();
    }

    public Collection get(UUID id) {
        return dsl.select(DD_COLLECTION.ID, DD_COLLECTION.MESSAGE_ID, DD_COLLECTION.COLLECTION_DATE,
                        DD_COLLECTION.STATUS, DD_COLLECTION.ITEMS, DD_COLLECTION.CONTROL_SUM, DD_COLLECTION.CREATED_AT)
                .from(DD_COLLECTION).where(DD_COLLECTION.ID.eq(id)).fetchOptional(r -> new Collection(r.value1(),
                        r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()))
                .orElseThrow(() -> new NotFoundException("Direct debit collection", id));
    }

    public List<Collection> list(int limit) {
        return dsl.select(DD_COLLECTION.ID, DD_COLLECTION.MESSAGE_ID, DD_COLLECTION.COLLECTION_DATE,
                        DD_COLLECTION.STATUS, DD_COLLECTION.ITEMS, DD_COLLECTION.CONTROL_SUM, DD_COLLECTION.CREATED_AT)
                .from(DD_COLLECTION).orderBy(DD_COLLECTION.CREATED_AT.desc()).limit(limit)
                .fetch(r -> new Collection(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /** The pain.008 file; the first download marks the collection as exported (sent to the bank). */
    @Transactional
    public byte[] file(UUID id) {
        byte[] file = dsl.select(DD_COLLECTION.FILE).from(DD_COLLECTION).where(DD_COLLECTION.ID.eq(id))
                .fetchOptional(DD_COLLECTION.FILE).orElseThrow(() -> new NotFoundException("Direct debit collection", id));
        dsl.update(DD_COLLECTION).set(DD_COLLECTION.STATUS, "EXPORTED").set(DD_COLLECTION.EXPORTED_AT,
                DSL.currentOffsetDateTime()).where(DD_COLLECTION.ID.eq(id)).and(DD_COLLECTION.STATUS.eq("CREATED"))
                .execute();
        audit.record(AuditEvent.of("direct-debit.file-downloaded", "dd-collection", id));
        return file;
    }

    /** Withdraws a collection that was not sent yet; its invoices can be collected again. */
    @Transactional
    public Collection cancel(UUID id) {
        int changed = dsl.update(DD_COLLECTION).set(DD_COLLECTION.STATUS, "CANCELLED").where(DD_COLLECTION.ID.eq(id))
                .and(DD_COLLECTION.STATUS.eq("CREATED")).execute();
        if (changed == 0) {
            throw new BusinessRuleException("collection-sent", "Only a collection not yet downloaded can be "
                    + "cancelled; ask the bank to recall a sent file.");
        }
        dsl.update(DD_ITEM).set(DD_ITEM.STATUS, "CANCELLED").where(DD_ITEM.COLLECTION_ID.eq(id)).execute();
        return get(id);
    }

    /** What each debtor must be told before the collection date (for the messaging module's pre-notification). */
    public record Notice(UUID debtorId, String mandateReference, LocalDate collectionDate, BigDecimal amount,
                         List<UUID> invoiceIds, boolean notified) {
    }

    public List<Notice> notices(UUID collectionId) {
        Map<UUID, List<Record>> byDebtor = new java.util.LinkedHashMap<>();
        dsl.select(DD_ITEM.DEBTOR_ID, DD_ITEM.INVOICE_ID, DD_ITEM.AMOUNT, DD_ITEM.NOTIFIED, SEPA_MANDATE.REFERENCE,
                        DD_COLLECTION.COLLECTION_DATE).from(DD_ITEM)
                .join(SEPA_MANDATE).on(SEPA_MANDATE.TENANT_ID.eq(DD_ITEM.TENANT_ID).and(SEPA_MANDATE.ID.eq(DD_ITEM.MANDATE_ID)))
                .join(DD_COLLECTION).on(DD_COLLECTION.TENANT_ID.eq(DD_ITEM.TENANT_ID)
                        .and(DD_COLLECTION.ID.eq(DD_ITEM.COLLECTION_ID)))
                .where(DD_ITEM.COLLECTION_ID.eq(collectionId)).and(DD_ITEM.STATUS.ne("CANCELLED"))
                .orderBy(DD_ITEM.DEBTOR_ID).fetch().forEach(r -> byDebtor.computeIfAbsent(r.value1(),
                        k -> new ArrayList<>()).add(r));
        List<Notice> notices = new ArrayList<>();
        byDebtor.forEach((debtor, rows) -> notices.add(new Notice(debtor, rows.getFirst().get(SEPA_MANDATE.REFERENCE),
                rows.getFirst().get(DD_COLLECTION.COLLECTION_DATE), rows.stream().map(r -> r.get(DD_ITEM.AMOUNT))
                .reduce(BigDecimal.ZERO, BigDecimal::add), rows.stream().map(r -> r.get(DD_ITEM.INVOICE_ID)).toList(),
                rows.stream().allMatch(r -> r.get(DD_ITEM.NOTIFIED)))));
        return notices;
    }

    /** Messaging confirms it sent a debtor's pre-notification. */
    @Transactional
    public void notified(UUID collectionId, java.util.Collection<UUID> debtorIds) {
        dsl.update(DD_ITEM).set(DD_ITEM.NOTIFIED, true).where(DD_ITEM.COLLECTION_ID.eq(collectionId))
                .and(DD_ITEM.DEBTOR_ID.in(debtorIds)).execute();
    }
}
