package io.creditflow.privacy.documents;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the privacy module's JSON documents as PDF in Dutch or English: the access export, erasure certificates,
 * the tenant deletion certificate and the records of processing. Each takes the very map its JSON is written from.
 */
@Component
public class PrivacyDocuments {

    private final MessageSource messages;

    PrivacyDocuments(MessageSource messages) {
        this.messages = messages;
    }

    @SuppressWarnings("unchecked")
    public byte[] accessExport(Map<String, Object> export, Locale locale) {
        Map<String, Object> controller = (Map<String, Object>) export.get("controller");
        Map<String, Object> subject = (Map<String, Object>) export.get("subject");
        PdfDocument pdf = new PdfDocument(t("pdf.export.title", locale), locale.getLanguage(),
                "Creditflow · " + export.get("generatedAt"));
        pdf.paragraph(t("pdf.export.intro", locale, controller.get("name")));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(t("pdf.controller", locale), controller.get("name"));
        facts.put(t("pdf.contact", locale), controller.get("contact"));
        facts.put(t("pdf.subjectReference", locale), subject.get("reference"));
        facts.put(t("pdf.generatedAt", locale), export.get("generatedAt"));
        if (export.get("request") instanceof Map<?, ?> request) {
            facts.put(t("pdf.request", locale), request.get("type") + " · " + request.get("receivedOn"));
        }
        pdf.facts(facts);
        for (Object o : (List<Object>) export.get("sections")) {
            Map<String, Object> section = (Map<String, Object>) o;
            pdf.heading(title(section, locale));
            pdf.muted(t("pdf.purpose", locale) + ": " + section.get("purpose") + " · " + t("pdf.source", locale)
                    + ": " + section.get("source"));
            List<Object> records = (List<Object>) section.get("records");
            if (records.isEmpty()) {
                pdf.muted(t("pdf.none", locale));
            }
            records.forEach(pdf::data);
        }
        pdf.heading(t("pdf.purposes", locale));
        pdf.table(List.of(t("pdf.code", locale), t("pdf.description", locale)), rows(export.get("purposes"),
                "code", "description"));
        pdf.heading(t("pdf.recipients", locale));
        pdf.table(List.of(t("pdf.name", locale), t("pdf.service", locale), t("pdf.country", locale),
                t("pdf.safeguard", locale), t("pdf.dataCategories", locale)), rows(export.get("recipients"),
                "name", "service", "country", "safeguard", "dataCategories"));
        pdf.heading(t("pdf.retention", locale));
        pdf.table(List.of(t("pdf.description", locale), t("pdf.days", locale), t("pdf.ground", locale)),
                rows(export.get("retention"), "description", "days", "ground"));
        pdf.heading(t("pdf.automatedDecisions", locale));
        pdf.data(export.get("automatedDecisions"));
        pdf.heading(t("pdf.rights", locale));
        ((List<Object>) export.get("rights")).forEach(r -> pdf.paragraph(String.valueOf(r)));
        return pdf.toPdf();
    }

    @SuppressWarnings("unchecked")
    public byte[] erasureCertificate(Map<String, Object> certificate, String sha256, Locale locale) {
        PdfDocument pdf = new PdfDocument(t("pdf.erasure.title", locale), locale.getLanguage(),
                "Creditflow · SHA-256 " + sha256);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(t("pdf.certificate", locale), certificate.get("certificateId"));
        facts.put(t("pdf.controller", locale), ((Map<String, Object>) certificate.get("tenant")).get("name"));
        facts.put(t("pdf.subject", locale), ((Map<String, Object>) certificate.get("subject")).get("debtorId"));
        facts.put(t("pdf.reason", locale), certificate.get("reason"));
        facts.put(t("pdf.erasedAt", locale), certificate.get("erasedAt"));
        facts.put(t("pdf.erasedBy", locale), certificate.get("erasedBy"));
        facts.put(t("pdf.scope", locale), certificate.get("scope"));
        facts.put(t("pdf.subjectKey", locale), certificate.get("subjectKey"));
        pdf.facts(facts);
        pdf.paragraph(String.valueOf(certificate.get("statement")));
        if (certificate.get("legalHolds") instanceof List<?> holds && !holds.isEmpty()) {
            pdf.heading(t("pdf.legalHolds", locale));
            pdf.table(List.of(t("pdf.kind", locale), t("pdf.reference", locale), t("pdf.ground", locale)),
                    rows(holds, "kind", "reference", "ground"));
        }
        pdf.heading(t("pdf.whatHappened", locale));
        List<List<Object>> rows = new ArrayList<>();
        for (Object o : (List<Object>) certificate.get("sections")) {
            Map<String, Object> section = (Map<String, Object>) o;
            for (Object a : (List<Object>) section.get("actions")) {
                Map<String, Object> action = (Map<String, Object>) a;
                rows.add(java.util.Arrays.asList(section.get("section"), action.get("what"), action.get("outcome"),
                        action.get("count"), action.get("legalGround"), action.get("keptUntil")));
            }
        }
        pdf.table(List.of(t("pdf.section", locale), t("pdf.what", locale), t("pdf.outcome", locale),
                t("pdf.count", locale), t("pdf.ground", locale), t("pdf.keptUntil", locale)), rows);
        pdf.muted(t("pdf.erasure.verify", locale, sha256));
        return pdf.toPdf();
    }

    /** Any JSON document as a titled PDF (deletion certificate, records of processing). */
    public byte[] document(String titleKey, Map<String, Object> content, String footer, Locale locale) {
        return new PdfDocument(t(titleKey, locale), locale.getLanguage(), footer).data(content).toPdf();
    }

    private String title(Map<String, Object> section, Locale locale) {
        String key = "pdf.section." + section.get("section");
        return messages.getMessage(key, null, String.valueOf(section.get("title")), locale);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> rows(Object list, String... keys) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object o : (List<Object>) list) {
            Map<String, Object> m = (Map<String, Object>) o;
            List<Object> row = new ArrayList<>();
            for (String k : keys) {
                row.add(m.get(k));
            }
            rows.add(row);
        }
        return rows;
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
