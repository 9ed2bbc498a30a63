package io.creditflow.privacy.rights;

import io.creditflow.privacy.Contests;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.DataSubjectRequests;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.LegalHolds;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.platform.web.CursorPage;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.creditflow.jooq.Tables.PRIVACY_CONTEST;
import static io.creditflow.jooq.Tables.PRIVACY_RECTIFICATION;
import static io.creditflow.jooq.Tables.PRIVACY_REQUEST;
import static io.creditflow.jooq.Tables.PRIVACY_RESTRICTION;

/**
 * The privacy module's own records about a person: their requests, contests, rectifications, restriction and legal
 * holds. On erasure the registers stay as proof of how the requests were handled (accountability), but every free
 * text in them (notes, statements, previous values, reasons) is encrypted under the person's key and goes with it.
 */
@Component
class PrivacyRegisterContributor implements PersonalDataContributor {

    private final DataSubjectRequests requests;
    private final Contests contests;
    private final Rectifications rectifications;
    private final LegalHolds holds;
    private final DSLContext dsl;

    PrivacyRegisterContributor(DataSubjectRequests requests, Contests contests, Rectifications rectifications,
                               LegalHolds holds, DSLContext dsl) {
        this.requests = requests;
        this.contests = contests;
        this.rectifications = rectifications;
        this.holds = holds;
        this.dsl = dsl;
    }

    @Override
    public String section() {
        return "privacy.register";
    }

    @Override
    public int erasureOrder() {
        return 50;
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Data-subject requests", "Handling requests under the GDPR (art. 12-22)",
                "Debtors who make a request", List.of("request type and dates", "notes", "contested fields and "
                + "statements", "previous values of rectified data"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        List<DataSubjectRequests.Request> all = new ArrayList<>();
        String cursor = null;
        do {
            CursorPage<DataSubjectRequests.Request> page = requests.list(DataSubjectRequests.View.ALL,
                    subject.debtorId(), cursor, 500);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        for (var r : all) {
            Map<String, Object> m = record("request");
            m.put("type", r.type().name());
            m.put("status", r.status().name());
            m.put("receivedOn", r.receivedOn().toString());
            m.put("dueOn", r.dueDate().toString());
            m.put("outcome", r.outcome());
            m.put("completedAt", r.completedAt() == null ? null : r.completedAt().toString());
            m.put("note", requests.withNote(r.id()).note());
            records.add(m);
        }
        for (var c : contests.history(subject.debtorId())) {
            Map<String, Object> m = record("contest");
            m.putAll(c);
            records.add(m);
        }
        for (var r : rectifications.history(subject.debtorId())) {
            Map<String, Object> m = record("rectification");
            m.put("section", r.section());
            m.put("fields", r.fields());
            m.put("previousValues", r.previous());
            m.put("reason", r.reason());
            m.put("rectifiedAt", r.rectifiedAt().toString());
            records.add(m);
        }
        dsl.selectFrom(PRIVACY_RESTRICTION).where(PRIVACY_RESTRICTION.DEBTOR_ID.eq(subject.debtorId())).fetch()
                .forEach(r -> {
                    Map<String, Object> m = record("restriction");
                    m.put("since", r.getRestrictedAt().toString());
                    m.put("reason", r.getReason());
                    records.add(m);
                });
        for (var h : holds.active(subject.debtorId())) {
            Map<String, Object> m = record("legalHold");
            m.put("kind", h.kind());
            m.put("ground", h.ground());
            m.put("since", h.placedAt().toString());
            records.add(m);
        }
        return new ExportSection(section(), "Your privacy requests and their handling",
                "Handling your requests under the GDPR (legal obligation, art. 12-22)",
                "You, and the controller's handling of your requests", List.of(), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var report = ErasureReport.of(section());
        String ground = "GDPR art. 5(2) accountability: proof of how requests were handled; free text is encrypted "
                + "under the person's key and unreadable once it is destroyed";
        int requestCount = dsl.fetchCount(PRIVACY_REQUEST, PRIVACY_REQUEST.DEBTOR_ID.eq(subject.debtorId()));
        int contestCount = dsl.fetchCount(PRIVACY_CONTEST, PRIVACY_CONTEST.DEBTOR_ID.eq(subject.debtorId()));
        int rectCount = dsl.fetchCount(PRIVACY_RECTIFICATION, PRIVACY_RECTIFICATION.DEBTOR_ID.eq(subject.debtorId()));
        if (scope.legalHold()) {
            return report.kept("request register entries, contests and rectification history",
                    requestCount + contestCount + rectCount, ground, null).build();
        }
        // previous values of a rectification are the person's old data: nothing a register needs
        int deleted = dsl.deleteFrom(PRIVACY_RECTIFICATION).where(PRIVACY_RECTIFICATION.DEBTOR_ID
                .eq(subject.debtorId())).execute();
        dsl.update(PRIVACY_CONTEST).setNull(PRIVACY_CONTEST.STATEMENT)
                .where(PRIVACY_CONTEST.DEBTOR_ID.eq(subject.debtorId())).execute();
        dsl.update(PRIVACY_REQUEST).setNull(PRIVACY_REQUEST.NOTE)
                .where(PRIVACY_REQUEST.DEBTOR_ID.eq(subject.debtorId())).execute();
        int restriction = dsl.deleteFrom(PRIVACY_RESTRICTION).where(PRIVACY_RESTRICTION.DEBTOR_ID
                .eq(subject.debtorId())).execute();
        return report.deleted("rectification history (previous values and reasons)", deleted)
                .deleted("restriction of processing (nothing left to process)", restriction)
                .minimised("request register entries (notes removed)", requestCount, ground, null)
                .minimised("contests (statements removed)", contestCount, ground, null).build();
    }

    private static Map<String, Object> record(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordType", type);
        return m;
    }
}
