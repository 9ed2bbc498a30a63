package io.creditflow.dunning;

import io.creditflow.platform.NotFoundException;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.receivables.TimelineEntry;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What dunning did, per invoice and per debtor: the timeline of actions (taken, skipped by catch-up, failed), the
 * 14-day letters with their evidence, and the debtor page's share of the history.
 */
@Component
public class DunningHistory implements TimelineEntry.Contributor {

    private final DSLContext dsl;
    private final PersonalDataVault vault;

    DunningHistory(DSLContext dsl, PersonalDataVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    public record Action(UUID id, UUID invoiceId, String flowKey, String stepKey, String label, LocalDate date,
                         String status, @Nullable String reason, @Nullable String outcome, List<UUID> messageIds,
                         @Nullable OffsetDateTime executedAt) {
    }

    public record Letter(UUID id, UUID messageId, String channel, String status, LocalDate actionDate,
                         BigDecimal principal, BigDecimal statedCosts, BigDecimal vat, @Nullable OffsetDateTime sentAt,
                         @Nullable LocalDate assumedDelivery, @Nullable LocalDate deadline,
                         @Nullable String deliveryRule, @Nullable Boolean valid, @Nullable String assessment,
                         boolean hasPdf) {
    }

    @Transactional(readOnly = true)
    public List<Action> actionsOfInvoice(UUID invoiceId) {
        return actions("a.invoice_id = {0}", invoiceId);
    }

    @Transactional(readOnly = true)
    public List<Action> actionsOfDebtor(UUID debtorId) {
        return actions("a.debtor_id = {0}", debtorId);
    }

    @Transactional(readOnly = true)
    public List<Action> actionsOfRun(UUID runId) {
        return actions("(a.run_id = {0} or a.executed_run = {0})", runId);
    }

    private List<Action> actions(String where, Object arg) {
        return dsl.resultQuery("""
                select a.*, f.flow_key, coalesce(s.label, a.step_key) as label from dunning_action_log a
                  join dunning_flow f on f.tenant_id = a.tenant_id and f.id = a.flow_id
                  left join dunning_flow_step s on s.tenant_id = a.tenant_id and s.flow_id = a.flow_id
                       and s.version = a.flow_version and s.step_key = a.step_key
                """ + " where " + where + " order by a.action_date desc, a.step_seq desc limit 1000", arg)
                .fetch(r -> new Action(r.get("id", UUID.class), r.get("invoice_id", UUID.class),
                        r.get("flow_key", String.class), r.get("step_key", String.class), r.get("label", String.class),
                        r.get("action_date", LocalDate.class), r.get("status", String.class),
                        r.get("reason", String.class), r.get("outcome", String.class),
                        r.get("message_ids", UUID[].class) == null ? List.of() : List.of(r.get("message_ids", UUID[].class)),
                        r.get("executed_at", OffsetDateTime.class)));
    }

    @Transactional(readOnly = true)
    public List<Letter> lettersOfInvoice(UUID invoiceId) {
        return dsl.resultQuery("""
                select l.*, l.pdf is not null as has_pdf from dunning_letter l
                 where l.id in (select letter_id from dunning_letter_invoice where invoice_id = {0})
                 order by l.created_at desc""", invoiceId).fetch(r -> new Letter(r.get("id", UUID.class),
                r.get("message_id", UUID.class), r.get("channel", String.class), r.get("status", String.class),
                r.get("action_date", LocalDate.class), r.get("principal", BigDecimal.class),
                r.get("stated_costs", BigDecimal.class), r.get("vat", BigDecimal.class),
                r.get("sent_at", OffsetDateTime.class), r.get("assumed_delivery", LocalDate.class),
                r.get("deadline", LocalDate.class), r.get("delivery_rule", String.class),
                r.get("valid", Boolean.class), r.get("assessment", String.class), r.get("has_pdf", Boolean.class)));
    }

    /** The letter as sent (PDF), from the evidence; empty if none was kept or the debtor was erased. */
    @Transactional(readOnly = true)
    public Optional<byte[]> letterPdf(UUID letterId) {
        var r = dsl.resultQuery("select debtor_id, pdf from dunning_letter where id = {0}", letterId).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Letter", letterId));
        byte[] sealed = r.get("pdf", byte[].class);
        if (sealed == null) {
            return Optional.empty();
        }
        return vault.decrypt(r.get("debtor_id", UUID.class), "dunning/letter/" + letterId, sealed)
                .map(b64 -> Base64.getDecoder().decode(b64));
    }

    @Override
    public List<TimelineEntry> timeline(UUID debtorId, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Action a : actionsOfDebtor(debtorId)) {
            if (entries.size() >= limit) {
                break;
            }
            if ("SKIPPED".equals(a.status())) {
                continue;
            }
            OffsetDateTime at = a.executedAt() != null ? a.executedAt()
                    : a.date().atStartOfDay(ZoneId.of("Europe/Amsterdam")).toOffsetDateTime();
            entries.add(new TimelineEntry(at, "dunning", "Dunning: " + a.label() + " (" + a.status().toLowerCase()
                    + (a.outcome() == null ? "" : ": " + a.outcome()) + ")", "/console/dunning/invoices/" + a.invoiceId()));
        }
        return entries;
    }
}
