package io.creditflow.collection;

import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collection cases about the person: their stages, hand-offs and the dossiers handed to an agency. The case rows hold
 * ids, amounts, dates and generated notes, no personal values; the dossiers hold everything and live as files,
 * encrypted under the person's key. On erasure: under a legal hold (an open case) everything stays; otherwise the
 * dossier files are deleted, cases collected for a third party stay until their WKI retention date (the record of the
 * claim, without personal values), and the other cases are deleted.
 */
@Component
class CollectionPersonalData implements PersonalDataContributor {

    static final String WKI_GROUND = "Wet kwaliteit incassodienstverlening: the collection dossier is kept at least "
            + "two years after closing (GDPR art. 17(3)(b), legal obligation)";
    private final DSLContext dsl;
    private final List<CollectionAgency> agencies;

    CollectionPersonalData(DSLContext dsl, List<CollectionAgency> agencies) {
        this.dsl = dsl;
        this.agencies = agencies;
    }

    @Override
    public String section() {
        return "collection.cases";
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Amicable collection and hand-off", "Collecting overdue claims, handing them to "
                + "a bailiff or collection agency", "Debtors in default", List.of("claims", "collection stages",
                "messages sent", "collection dossiers (name, address, contact details)"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (var c : dsl.resultQuery("select * from collection_case where debtor_id = {0} order by opened_at",
                subject.debtorId()).fetch()) {
            UUID id = c.get("id", UUID.class);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", c.get("reference", String.class));
            m.put("status", c.get("status", String.class));
            m.put("stage", c.get("stage", String.class));
            m.put("openedAt", c.get("opened_at", OffsetDateTime.class).toString());
            OffsetDateTime closed = c.get("closed_at", OffsetDateTime.class);
            m.put("closedAt", closed == null ? null : closed.toString());
            m.put("closeReason", c.get("close_reason", String.class));
            m.put("collectedForThirdParty", c.get("wki", Boolean.class));
            m.put("invoiceIds", dsl.resultQuery("select invoice_id from collection_case_invoice where case_id = {0}",
                    id).fetch(r -> r.get(0, UUID.class).toString()));
            m.put("stages", dsl.resultQuery("select * from collection_case_stage where case_id = {0} order by seq", id)
                    .fetch(s -> Map.of("stage", s.get("stage", String.class), "enteredOn",
                            s.get("entered_on", LocalDate.class).toString(), "costs",
                            s.get("costs", BigDecimal.class).toPlainString(), "interest",
                            s.get("interest", BigDecimal.class).toPlainString())));
            m.put("handOffs", dsl.resultQuery("select * from collection_handoff where case_id = {0}", id)
                    .fetch(h -> Map.of("agency", h.get("agency", String.class), "status",
                            h.get("status", String.class), "handedOffAt",
                            h.get("created_at", OffsetDateTime.class).toString(), "collected",
                            h.get("collected", BigDecimal.class).toPlainString())));
            records.add(m);
        }
        return new ExportSection(section(), "Collection cases", "Collecting overdue claims (amicably, then through a "
                + "bailiff or collection agency)", "Opened by the controller's reminder flows when claims stayed unpaid",
                List.of("BAILIFF"), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var report = ErasureReport.of(section());
        int cases = dsl.fetchCount(dsl.selectOne().from("collection_case").where("debtor_id = {0}", subject.debtorId()));
        if (scope.legalHold()) {
            return report.kept("collection cases and their dossiers: the claim is being collected", cases,
                    "GDPR art. 17(3)(e): establishment and defence of a legal claim", null).build();
        }
        UUID tenant = TenantContext.require();
        int files = 0;
        for (var h : dsl.resultQuery("""
                select h.id, h.agency from collection_handoff h join collection_case c
                  on c.tenant_id = h.tenant_id and c.id = h.case_id where c.debtor_id = {0}""", subject.debtorId()).fetch()) {
            String key = h.get("agency", String.class);
            UUID handoff = h.get("id", UUID.class);
            files += agencies.stream().filter(a -> a.key().equals(key)).mapToInt(a -> a.erase(tenant, handoff)).sum();
        }
        report.deleted("hand-off dossiers kept for the agency (files)", files);
        var kept = dsl.resultQuery("select count(*), max(retain_until) from collection_case where debtor_id = {0} "
                + "and wki and retain_until > current_date", subject.debtorId()).fetchOne();
        long wki = kept == null ? 0 : kept.get(0, Long.class);
        if (wki > 0) {
            report.kept("collection cases collected for a third party (ids, amounts, stages; no personal values)", wki,
                    WKI_GROUND, kept.get(1, LocalDate.class));
        }
        int deleted = dsl.execute("delete from collection_case where debtor_id = {0} and not (wki and retain_until > "
                + "current_date)", subject.debtorId());
        dsl.execute("delete from collection_case_request where debtor_id = {0}", subject.debtorId());
        return report.deleted("collection cases, their stages and hand-offs", deleted).build();
    }
}
