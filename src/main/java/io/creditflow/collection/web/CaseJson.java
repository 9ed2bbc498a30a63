package io.creditflow.collection.web;

import io.creditflow.collection.CollectionCases;
import io.creditflow.collection.HandOffs;
import io.creditflow.receivables.Invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of cases: amounts as strings with two decimals, dates ISO-8601. */
final class CaseJson {

    private CaseJson() {
    }

    static Map<String, Object> summary(CollectionCases.CaseView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("reference", c.reference());
        m.put("debtorId", c.debtorId());
        m.put("status", c.status());
        m.put("stage", c.stage().name());
        m.put("stageSince", c.stageSince().toString());
        m.put("nextStageOn", c.nextStageOn() == null ? null : c.nextStageOn().toString());
        m.put("handoffApproval", c.handoffApproval());
        m.put("wki", c.wki());
        m.put("claims", c.claims());
        m.put("open", money(c.open()));
        m.put("openedAt", c.openedAt().toString());
        m.put("closedAt", c.closedAt() == null ? null : c.closedAt().toString());
        m.put("closeReason", c.closeReason());
        m.put("retainUntil", c.retainUntil() == null ? null : c.retainUntil().toString());
        return m;
    }

    static Map<String, Object> detail(CollectionCases.CaseView c, List<Invoice> claims,
                                      List<CollectionCases.StageEntry> stages, HandOffs.HandOff handOff) {
        Map<String, Object> m = summary(c);
        m.put("invoices", claims.stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", i.id());
            x.put("number", i.number());
            x.put("dueDate", i.dueDate().toString());
            x.put("amount", money(i.amount()));
            x.put("openPrincipal", money(i.openPrincipal()));
            x.put("openCosts", money(i.openCosts()));
            x.put("openInterest", money(i.openInterest()));
            x.put("status", i.status().name());
            return x;
        }).toList());
        m.put("stages", stages.stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("stage", s.stage().name());
            x.put("enteredOn", s.enteredOn().toString());
            x.put("trigger", s.trigger());
            x.put("actor", s.actor());
            x.put("messageId", s.messageId());
            x.put("costs", money(s.costs()));
            x.put("interest", money(s.interest()));
            x.put("note", s.note());
            return x;
        }).toList());
        m.put("handoff", handOff == null ? null : handOff(handOff));
        return m;
    }

    static Map<String, Object> handOff(HandOffs.HandOff h) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", h.id());
        x.put("agency", h.agency());
        x.put("status", h.status());
        x.put("requestedBy", h.requestedBy());
        x.put("approvedBy", h.approvedBy());
        x.put("externalRef", h.externalRef());
        x.put("dossierSha256", h.dossierSha256());
        x.put("collected", money(h.collected()));
        x.put("createdAt", h.createdAt().toString());
        return x;
    }

    static String money(BigDecimal b) {
        return b.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
