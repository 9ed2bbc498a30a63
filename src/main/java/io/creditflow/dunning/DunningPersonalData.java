package io.creditflow.dunning;

import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dunning's share of data-subject rights: the reminder history of the debtor's invoices, the 14-day letters with
 * their evidence, the collectors' call list (with the encrypted call notes) and the pauses (with their free-text
 * notes), and a flow chosen for the debtor by hand.
 * <p>
 * Erasure. Under a legal hold (an open collection case) everything stays: the reminders, the 14-day letter and its
 * evidence are what the claim rests on (the letter decides whether collection costs are owed, art. 6:96 lid 6 BW).
 * Without one: call tasks and the flow override are deleted, pause notes (plain text a person wrote) are removed, the
 * letters' PDFs are deleted, and what remains is minimised and kept with the invoices for fiscal retention: the
 * actions (which step on which day; kept also so that no step is ever taken twice on a kept invoice)
 * and the letters' evidence without the PDF (sent at, channel, assumed delivery, deadline, the costs stated: the
 * ground of the collection costs booked on those invoices).
 */
@Component
class DunningPersonalData implements PersonalDataContributor {

    static final String SECTION = "dunning.history";
    static final String FISCAL = "Fiscal retention of the invoices this history belongs to (art. 52 AWR, art. 2:10 "
            + "BW: 7 years): which reminders were sent and the evidence for collection costs booked on them";
    static final String CLAIM = "GDPR art. 17(3)(e): defence of a legal claim (open collection case): the reminders "
            + "and the 14-day letter the claim rests on";
    private static final String PAUSES_OF = """
            from dunning_pause p where p.target_id = {0}
               or p.target_id in (select i.id from invoice i where i.debtor_id = {0})
               or p.invoice_ids && array(select i.id from invoice i where i.debtor_id = {0})""";

    private final DSLContext dsl;
    private final PersonalDataVault vault;

    DunningPersonalData(DSLContext dsl, PersonalDataVault vault) {
        this.dsl = dsl;
        this.vault = vault;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Dunning", "Collecting payment: reminder flows, 14-day letters and their legal "
                + "evidence, collectors' calls", "Debtors of the controller",
                List.of("reminders sent per invoice", "14-day letters and their evidence", "call notes",
                        "pause notes"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        UUID debtor = subject.debtorId();
        List<Map<String, Object>> records = new ArrayList<>();
        dsl.resultQuery("""
                select a.*, coalesce(s.label, a.step_key) as label from dunning_action_log a
                  left join dunning_flow_step s on s.tenant_id = a.tenant_id and s.flow_id = a.flow_id
                       and s.version = a.flow_version and s.step_key = a.step_key
                 where a.debtor_id = {0} order by a.action_date, a.step_seq, a.id""", debtor).forEach(r -> records.add(
                record("action", r, "id", "invoice_id", "item_kind", "step_key", "label", "action_date", "status",
                        "reason", "outcome", "executed_at")));
        dsl.resultQuery("select * from dunning_letter where debtor_id = {0} order by created_at, id", debtor)
                .forEach(r -> {
                    Map<String, Object> m = record("letter", r, "id", "message_id", "action_date", "channel", "status",
                            "debtor_type", "principal", "stated_costs", "vat", "vat_declared", "sent_at",
                            "assumed_delivery", "deadline", "delivery_rule", "valid", "assessment");
                    m.put("invoiceIds", dsl.resultQuery("select invoice_id from dunning_letter_invoice where "
                            + "letter_id = {0} order by invoice_id", r.get("id")).fetch(x -> x.get(0).toString()));
                    m.put("pdfKept", r.get("pdf") != null);
                    records.add(m);
                });
        dsl.resultQuery("select * from dunning_call_task where debtor_id = {0} order by created_at, id", debtor)
                .forEach(r -> {
                    Map<String, Object> m = record("callTask", r, "id", "run_date", "step_key", "status", "outcome",
                            "completed_at");
                    byte[] note = r.get("note", byte[].class);
                    m.put("note", note == null ? null : vault.decrypt(debtor, "dunning/call-note/" + r.get("id"), note)
                            .orElse(null));
                    records.add(m);
                });
        dsl.resultQuery("select p.* " + PAUSES_OF + " order by p.created_at, p.id", debtor).forEach(r -> records.add(
                record("pause", r, "id", "scope", "reason", "note", "source", "starts_on", "ends_on", "ended_at")));
        dsl.resultQuery("select * from dunning_debtor_flow where debtor_id = {0}", debtor).forEach(r -> records.add(
                record("flowOverride", r, "flow_id", "set_at")));
        return new ExportSection(SECTION, "Reminders about your invoices",
                "Collecting payment: reminding you of overdue invoices, the 14-day letter before collection costs",
                "The controller's reminder flows, run by Creditflow; notes by the controller's collectors",
                List.of("MAIL", "SMS", "PRINT"), records);
    }

    /** The named columns, camel-cased, as plain JSON values (amounts with two decimals, times ISO-8601). */
    private static Map<String, Object> record(String type, Record r, String... columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", type);
        for (String c : columns) {
            m.put(camel(c), plain(r.get(c)));
        }
        return m;
    }

    private static @Nullable Object plain(@Nullable Object v) {
        return switch (v) {
            case null -> null;
            case BigDecimal d -> d.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            case UUID u -> u.toString();
            case Temporal t -> t.toString();
            case Boolean b -> b;
            case Number n -> n;
            default -> v.toString();
        };
    }

    private static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }

    private int count(String from, UUID debtor) {
        return dsl.resultQuery("select count(*) " + from, debtor).fetchSingle().get(0, Integer.class);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        UUID debtor = subject.debtorId();
        var report = ErasureReport.of(SECTION);
        int actions = count("from dunning_action where debtor_id = {0}", debtor);
        int letters = count("from dunning_letter where debtor_id = {0}", debtor);
        if (scope.legalHold()) {
            int tasks = count("from dunning_call_task where debtor_id = {0}", debtor);
            int pauses = count(PAUSES_OF, debtor);
            return report.kept("reminder history of the invoices", actions, CLAIM, null)
                    .kept("14-day letters with their evidence and PDFs (encrypted)", letters, CLAIM, null)
                    .kept("collectors' call tasks and notes (encrypted)", tasks, CLAIM, null)
                    .kept("pauses with their notes", pauses, CLAIM, null).build();
        }
        int tasks = dsl.query("delete from dunning_call_task where debtor_id = {0}", debtor).execute();
        int notes = dsl.query("update dunning_pause p set note = null where p.id in (select p.id " + PAUSES_OF
                + ") and p.note is not null", debtor).execute();
        int pdfs = dsl.query("update dunning_letter set pdf = null where debtor_id = {0} and pdf is not null", debtor)
                .execute();
        int override = dsl.query("delete from dunning_debtor_flow where debtor_id = {0}", debtor).execute();
        return report.deleted("collectors' call tasks and notes", tasks)
                .deleted("free-text notes on pauses", notes)
                .deleted("PDFs of 14-day letters", pdfs)
                .deleted("flow chosen for the debtor", override)
                .kept("reminder history of the invoices (step, day, status: no personal data in clear)", actions,
                        FISCAL, null)
                .minimised("14-day letter evidence without the PDF (sent at, channel, delivery, deadline, costs "
                        + "stated)", letters, FISCAL, null)
                .build();
    }
}
