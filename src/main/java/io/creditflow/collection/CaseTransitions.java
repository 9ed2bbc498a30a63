package io.creditflow.collection;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.DunningSettingsStore;
import io.creditflow.platform.Actor;
import io.creditflow.platform.TenantContext;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.Invoices;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves a case into a stage, in the caller's transaction: the guarded UPDATE (only from the stage the caller saw)
 * and the stage's history row (one per case and stage, by primary key) make a transition happen once however many
 * runs try; then interest, costs and the stage's message, each recorded on the history row.
 */
@Component
class CaseTransitions {

    private final DSLContext dsl;
    private final Debtors debtors;
    private final Invoices invoices;
    private final CaseCharges charges;
    private final CaseMessages messages;
    private final DunningSettingsStore dunningSettings;
    private final CollectionSettingsStore settings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    CaseTransitions(DSLContext dsl, Debtors debtors, Invoices invoices, CaseCharges charges, CaseMessages messages,
                    DunningSettingsStore dunningSettings, CollectionSettingsStore settings,
                    ApplicationEventPublisher events, AuditLog audit) {
        this.dsl = dsl;
        this.debtors = debtors;
        this.invoices = invoices;
        this.charges = charges;
        this.messages = messages;
        this.dunningSettings = dunningSettings;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
    }

    /** Whether the transition happened (false: another run moved the case first). */
    boolean enter(CollectionCases.CaseView c, Stage to, String trigger, LocalDate day) {
        CollectionSettings cs = settings.get();
        LocalDate next = to.next() == null ? null : day.plusDays(cs.stageIntervalDays());
        int moved = dsl.execute("""
                update collection_case set stage = {0}, stage_since = {1}, next_stage_on = {2},
                       status = case when {0} = 'BAILIFF' then 'HANDED_OFF' else status end
                 where id = {3} and stage = {4} and status <> 'CLOSED'""",
                to.name(), day, next, c.id(), c.stage().name());
        if (moved == 0) {
            return false;
        }
        int inserted = dsl.execute("""
                insert into collection_case_stage (tenant_id, case_id, stage, seq, entered_on, trigger, actor)
                select current_tenant(), {0}, {1}, coalesce(max(seq), 0) + 1, {2}, {3}, {4}
                  from collection_case_stage where case_id = {0}
                on conflict do nothing""", c.id(), to.name(), day, trigger, Actor.current().name());
        if (inserted == 0) {
            throw new IllegalStateException("case " + c.id() + " entered " + to + " before");
        }
        actions(c, to, day);
        events.publishEvent(new CaseStageChanged(TenantContext.require(), c.id(), c.debtorId(), c.stage(), to, trigger));
        audit.record(AuditEvent.of("collection.stage-entered", "collection-case", c.id()).purpose("collection")
                .detail("from", c.stage().name()).detail("to", to.name()).detail("trigger", trigger));
        return true;
    }

    /** The first stage of a new case. */
    void opened(CollectionCases.CaseView c, LocalDate day) {
        dsl.execute("""
                insert into collection_case_stage (tenant_id, case_id, stage, seq, entered_on, trigger, actor)
                values (current_tenant(), {0}, 'NEW', 1, {1}, 'OPENED', {2})""", c.id(), day, Actor.current().name());
        actions(c, Stage.NEW, day);
    }

    /** Interest at every stage, costs at the notice of default, then the stage's message. */
    private void actions(CollectionCases.CaseView c, Stage stage, LocalDate day) {
        Debtor debtor = debtors.get(c.debtorId());
        boolean consumer = debtor.type() == DebtorType.CONSUMER;
        DunningSettings ds = dunningSettings.get();
        List<Invoice> claims = claims(c.id());
        List<String> notes = new ArrayList<>();
        String reference = "collection:" + c.reference() + ":" + stage.name();
        BigDecimal interest = stage == Stage.NEW ? BigDecimal.ZERO
                : charges.chargeInterest(claims, consumer, day, reference);
        BigDecimal costs = BigDecimal.ZERO;
        if (stage.chargesCosts()) {
            CaseCharges.Result r = charges.chargeCosts(claims(c.id()), consumer, ds, day, reference);
            costs = r.amount();
            notes.add(r.note());
        }
        if (interest.signum() > 0) {
            notes.add("interest charged: EUR " + interest.toPlainString());
        }
        CaseMessages.Sent sent = stage == Stage.BAILIFF && claims.isEmpty() ? new CaseMessages.Sent(null, "")
                : messages.send(c, stage, debtor, claims(c.id()), ds);
        notes.add(sent.note());
        dsl.execute("""
                update collection_case_stage set costs = {0}, interest = {1}, message_id = {2}, note = {3}
                 where case_id = {4} and stage = {5}""", costs, interest, sent.messageId(),
                String.join("; ", notes.stream().filter(n -> !n.isBlank()).toList()), c.id(), stage.name());
    }

    List<Invoice> claims(UUID caseId) {
        List<UUID> ids = dsl.resultQuery("select invoice_id from collection_case_invoice where case_id = {0} "
                + "order by added_at, invoice_id", caseId).fetch(r -> r.get(0, UUID.class));
        return ids.stream().map(invoices::get).toList();
    }
}
