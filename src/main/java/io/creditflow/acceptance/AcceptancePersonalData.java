package io.creditflow.acceptance;

import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_IDENTITY;
import static io.creditflow.jooq.Tables.CREDIT_IDENTITY_DEBTOR;

/**
 * Acceptance's share of data-subject rights: the credit checks about the debtor (inputs and external answers
 * decrypted, reasons, score, rules, reviews with their notes) and the limits set on them.
 * <p>
 * Which checks are the debtor's: those of the credit identities linked to the debtor (a check links them when the
 * debtor's date of birth and last name, or Chamber of Commerce number, match; an invoice for a checked order links
 * them too) and the company identity of the debtor's Chamber of Commerce number. An identity that only shares a
 * contact detail (e-mail, IBAN, phone, address) is not taken: it may be another person (that sharing is the fraud
 * signal), whose data must neither be shown nor erased on this person's request; the controller can search by
 * contact details with {@code GET /api/v1/credit-checks?email=...} and judge.
 * <p>
 * Erasure destroys the identities' own subject keys (their checks' inputs and answers become unreadable everywhere,
 * backups included), deletes contact-detail digests and links, and removes the free text written about them. The
 * decisions stay (the log is append-only, without personal data in clear): the controller's record of automated
 * decisions (GDPR art. 5(2), art. 22(3)). A legal hold changes nothing here: a collection claim needs no credit check.
 */
@Component
class AcceptancePersonalData implements PersonalDataContributor {

    static final String SECTION = "acceptance.checks";
    static final String DECISIONS_KEPT = "GDPR art. 5(2) and 22(3): accountability for automated decisions (the "
            + "decision, score, reason codes and amounts; no personal data in clear)";

    private final DSLContext dsl;
    private final CheckLog log;
    private final PersonalDataVault vault;

    AcceptancePersonalData(DSLContext dsl, CheckLog log, PersonalDataVault vault) {
        this.dsl = dsl;
        this.log = log;
        this.vault = vault;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Credit checks and credit limits", "Deciding whether an order may be bought on "
                + "credit, and up to which limit (automated decision with human review on request)",
                "Applicants for credit (consumers, companies and their representatives)",
                List.of("name", "date of birth", "postal and delivery addresses", "e-mail address", "phone number",
                        "IBAN", "Chamber of Commerce number", "payment behaviour", "register and bureau answers"));
    }

    Set<UUID> identities(DataSubject subject) {
        Set<UUID> ids = new LinkedHashSet<>(dsl.select(CREDIT_IDENTITY_DEBTOR.IDENTITY_ID).from(CREDIT_IDENTITY_DEBTOR)
                .where(CREDIT_IDENTITY_DEBTOR.DEBTOR_ID.eq(subject.debtorId())).fetch(CREDIT_IDENTITY_DEBTOR.IDENTITY_ID));
        List<byte[]> companies = subject.values(BlindIndex.CHAMBER_OF_COMMERCE).stream()
                .map(kvk -> IdentityKeys.companyKey(vault, kvk)).toList();
        if (!companies.isEmpty()) {
            ids.addAll(dsl.select(CREDIT_IDENTITY.ID).from(CREDIT_IDENTITY)
                    .where(CREDIT_IDENTITY.IDENTITY_KEY.in(companies)).fetch(CREDIT_IDENTITY.ID));
        }
        return ids;
    }

    @Override
    public ExportSection export(DataSubject subject) {
        Set<UUID> ids = identities(subject);
        List<Map<String, Object>> records = new ArrayList<>();
        dsl.selectFrom(CREDIT_IDENTITY).where(CREDIT_IDENTITY.ID.in(ids)).orderBy(CREDIT_IDENTITY.CREATED_AT)
                .forEach(i -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("recordType", "identity");
                    m.put("id", i.getId().toString());
                    m.put("kind", i.getKind());
                    m.put("firstCheckAt", i.getCreatedAt().toString());
                    m.put("lastCheckAt", i.getLastCheckAt().toString());
                    m.put("checks", i.getCheckCount());
                    m.put("limit", money(i.getPolicyLimit()));
                    m.put("limitSource", i.getLimitSource());
                    m.put("manualLimit", money(i.getManualLimit()));
                    m.put("manualLimitReason", i.getManualLimitReason());
                    records.add(m);
                });
        for (CheckDetail d : log.ofIdentities(ids, "en")) {
            records.add(check(d));
        }
        return new ExportSection(SECTION, "Credit checks about you",
                "Deciding whether you may buy on credit and up to which limit (automated decision; you may ask for "
                        + "a person to review it, GDPR art. 22)",
                "What you or the shop entered at the order; the controller's own payment history with you; "
                        + "company, insolvency and address registers and credit bureaus",
                List.of("CREDIT_BUREAU"), records);
    }

    private Map<String, Object> check(CheckDetail d) {
        CheckResult r = d.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", "check");
        m.put("id", r.checkId().toString());
        m.put("checkedAt", r.createdAt().toString());
        m.put("decision", r.decision().name());
        m.put("finalDecision", r.finalDecision() == null ? null : r.finalDecision().name());
        m.put("score", r.score());
        m.put("riskBand", r.riskBand());
        m.put("limit", money(r.limit()));
        m.put("availableLimit", money(r.availableLimit()));
        m.put("order", orderOf(d.order()));
        m.put("reasons", r.reasons().stream().map(x -> Map.of("code", x.code(), "text", x.text())).toList());
        m.put("policyVersion", r.policyVersion());
        m.put("scorer", d.scorer());
        m.put("inputs", d.inputs());
        m.put("sources", r.sources().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", s.kind());
            x.put("source", s.source());
            x.put("status", s.status());
            return x;
        }).toList());
        m.put("externalAnswers", d.answers());
        m.put("signals", d.signals());
        m.put("reviews", d.reviews().stream().map(AcceptancePersonalData::review).toList());
        return m;
    }

    private static Map<String, Object> orderOf(CheckDetail.Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", money(o.amount()));
        m.put("currency", o.currency());
        m.put("channel", o.channel());
        m.put("productCategory", o.productCategory());
        m.put("reference", o.reference());
        return m;
    }

    private static Map<String, Object> review(CheckDetail.Review v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", v.kind());
        m.put("status", v.status());
        m.put("requestedAt", v.requestedAt());
        m.put("requestNote", v.requestNote());
        m.put("decision", v.decision() == null ? null : v.decision().name());
        m.put("reason", v.reason());
        m.put("decidedAt", v.decidedAt());
        return m;
    }

    private static @Nullable String money(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        CheckLog.Erased e = log.eraseIdentities(identities(subject));
        return ErasureReport.of(SECTION)
                .shredded("credit-check inputs and external answers (each identity's own key destroyed)", e.checks())
                .deleted("contact-detail digests of the applicant", e.attributes())
                .deleted("links between applicant and debtor", e.debtorLinks())
                .minimised("review notes and reasons (free text removed)", e.reviews(), DECISIONS_KEPT, null)
                .minimised("credit decisions (decision, score, reason codes, amounts)", e.checks(), DECISIONS_KEPT,
                        null)
                .build();
    }
}
