package io.creditflow.privacy;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.Ids;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.jooq.tables.records.PrivacyRequestRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PRIVACY_REQUEST;

/**
 * The register of data-subject requests (GDPR art. 12): each request with the tenant's promise (working days) and the
 * legal deadline (one month, extendable once by two months with reasons given within the first month), its status and
 * outcome. Requests are answered on the tenant's instruction; completing the linked action (an erasure, an export)
 * completes the request. The note is free text about a person: stored encrypted under the person's key.
 */
@Component
public class DataSubjectRequests {

    public enum Type { ACCESS, RECTIFICATION, RESTRICTION, OBJECTION, ERASURE }

    public enum Status { RECEIVED, IN_PROGRESS, EXTENDED, COMPLETED, REJECTED }

    public record Request(UUID id, @Nullable UUID debtorId, Type type, Status status, String channel,
                          LocalDate receivedOn, LocalDate promisedDue, LocalDate legalDue,
                          @Nullable LocalDate extendedDue, @Nullable String extensionReason, @Nullable String note,
                          @Nullable String outcome, @Nullable String resultRef, OffsetDateTime createdAt,
                          String createdBy, @Nullable OffsetDateTime completedAt, @Nullable String completedBy) {

        public boolean isOpen() {
            return status != Status.COMPLETED && status != Status.REJECTED;
        }

        /** The legal deadline that applies now (the extended one once extended). */
        public LocalDate dueDate() {
            return extendedDue != null ? extendedDue : legalDue;
        }

        /** Past the legal deadline and still open. */
        public boolean overdueOn(LocalDate today) {
            return isOpen() && today.isAfter(dueDate());
        }

        /** Past the tenant's promise and still open (or completed after it). */
        public boolean promiseMissedOn(LocalDate today) {
            LocalDate answered = completedAt == null ? today : completedAt.toLocalDate();
            return answered.isAfter(promisedDue);
        }
    }

    private static final String NOTE_PLACE = "privacy/request-note";

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final PrivacySettings settings;
    private final AuditLog audit;
    private final Clock clock;

    DataSubjectRequests(DSLContext dsl, PersonalDataVault vault, PrivacySettings settings, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.vault = vault;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a request received on {@code receivedOn} (today when null); the deadlines are computed from it. */
    @Transactional
    public Request register(Type type, @Nullable UUID debtorId, @Nullable LocalDate receivedOn, String channel,
                            @Nullable String note) {
        LocalDate today = LocalDate.now(clock);
        LocalDate received = receivedOn == null ? today : receivedOn;
        List<FieldError> errors = new ArrayList<>();
        if (received.isAfter(today)) {
            errors.add(new FieldError("receivedOn", "in the future"));
        }
        if (!List.of("EMAIL", "LETTER", "PHONE", "PORTAL", "API", "OTHER").contains(channel)) {
            errors.add(new FieldError("channel", "one of EMAIL, LETTER, PHONE, PORTAL, API, OTHER"));
        }
        if (note != null && note.length() > 4000) {
            errors.add(new FieldError("note", "at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The request has invalid fields.", errors);
        }
        UUID id = Ids.newId();
        UUID subject = debtorId == null ? id : debtorId;
        dsl.insertInto(PRIVACY_REQUEST).set(PRIVACY_REQUEST.TENANT_ID, TenantContext.require())
                .set(PRIVACY_REQUEST.ID, id).set(PRIVACY_REQUEST.DEBTOR_ID, debtorId)
                .set(PRIVACY_REQUEST.SUBJECT_ID, subject).set(PRIVACY_REQUEST.TYPE, type.name())
                .set(PRIVACY_REQUEST.CHANNEL, channel).set(PRIVACY_REQUEST.RECEIVED_ON, received)
                .set(PRIVACY_REQUEST.PROMISED_DUE, WorkingDays.add(received, settings.current().promisedWorkingDays()))
                .set(PRIVACY_REQUEST.LEGAL_DUE, WorkingDays.months(received, 1))
                .set(PRIVACY_REQUEST.NOTE, note == null || note.isBlank() ? null
                        : vault.encrypt(subject, NOTE_PLACE + "/" + id, note.trim()))
                .set(PRIVACY_REQUEST.CREATED_BY, Actor.current().name()).execute();
        audit.record(AuditEvent.of("privacy.request-registered", "privacy-request", id).subject(debtorId)
                .detail("type", type.name()));
        return get(id);
    }

    public Request get(UUID id) {
        return dsl.selectFrom(PRIVACY_REQUEST).where(PRIVACY_REQUEST.ID.eq(id)).fetchOptional().map(this::toRequest)
                .orElseThrow(() -> new NotFoundException("Privacy request", id));
    }

    public Optional<Request> find(UUID id) {
        return dsl.selectFrom(PRIVACY_REQUEST).where(PRIVACY_REQUEST.ID.eq(id)).fetchOptional().map(this::toRequest);
    }

    /** Which requests to list: open ones (by deadline), overdue ones, or all (newest first). */
    public enum View { OPEN, OVERDUE, ALL }

    public CursorPage<Request> list(View view, @Nullable UUID debtorId, @Nullable String cursor, int limit) {
        LocalDate today = LocalDate.now(clock);
        Condition c = debtorId == null ? DSL.trueCondition() : PRIVACY_REQUEST.DEBTOR_ID.eq(debtorId);
        var openStatuses = PRIVACY_REQUEST.STATUS.notIn(Status.COMPLETED.name(), Status.REJECTED.name());
        var due = DSL.coalesce(PRIVACY_REQUEST.EXTENDED_DUE, PRIVACY_REQUEST.LEGAL_DUE);
        if (view == View.OPEN) {
            c = c.and(openStatuses);
        } else if (view == View.OVERDUE) {
            c = c.and(openStatuses).and(PRIVACY_REQUEST.PROMISED_DUE.lt(today).or(due.lt(today)));
        }
        String after = CursorPage.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|");
            c = c.and(DSL.row(PRIVACY_REQUEST.RECEIVED_ON, PRIVACY_REQUEST.ID)
                    .lt(LocalDate.parse(parts[0]), UUID.fromString(parts[1])));
        }
        List<Request> rows = dsl.selectFrom(PRIVACY_REQUEST).where(c)
                .orderBy(PRIVACY_REQUEST.RECEIVED_ON.desc(), PRIVACY_REQUEST.ID.desc()).limit(limit + 1)
                .fetch(this::toRequest);
        return CursorPage.of(rows, limit, r -> r.receivedOn() + "|" + r.id());
    }

    @Transactional
    public Request start(UUID id) {
        Request r = open(id);
        setStatus(r.id(), Status.IN_PROGRESS);
        audit.record(AuditEvent.of("privacy.request-started", "privacy-request", id).subject(r.debtorId()));
        return get(id);
    }

    /**
     * Extends the legal deadline by two months (art. 12(3)): only once, only within the first month, with the
     * reasons the person must be told.
     */
    @Transactional
    public Request extend(UUID id, String reason) {
        Request r = open(id);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new ValidationException("An extension needs its reasons.",
                    List.of(new FieldError("reason", "1 to 1000 characters")));
        }
        if (r.extendedDue() != null) {
            throw new BusinessRuleException("already-extended", "The deadline of this request was extended already.");
        }
        if (LocalDate.now(clock).isAfter(r.legalDue())) {
            throw new BusinessRuleException("extension-too-late", "An extension must be given within the first "
                    + "month (by " + r.legalDue() + ").");
        }
        dsl.update(PRIVACY_REQUEST).set(PRIVACY_REQUEST.STATUS, Status.EXTENDED.name())
                .set(PRIVACY_REQUEST.EXTENDED_DUE, WorkingDays.months(r.receivedOn(), 3))
                .set(PRIVACY_REQUEST.EXTENSION_REASON, reason.trim())
                .where(PRIVACY_REQUEST.ID.eq(id)).execute();
        audit.record(AuditEvent.of("privacy.request-extended", "privacy-request", id).subject(r.debtorId()));
        return get(id);
    }

    /** Completes a request with an outcome code and a reference to what answered it (an export, a certificate). */
    @Transactional
    public Request complete(UUID id, String outcome, @Nullable String resultRef) {
        Request r = open(id);
        finish(r, Status.COMPLETED, outcome, resultRef);
        return get(id);
    }

    /** Refuses a request (manifestly unfounded, identity not established, a legal exception), saying why. */
    @Transactional
    public Request reject(UUID id, String reason) {
        Request r = open(id);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("A refusal needs its reason.", List.of(new FieldError("reason", "required")));
        }
        finish(r, Status.REJECTED, reason.length() > 500 ? reason.substring(0, 500) : reason.trim(), null);
        return get(id);
    }

    /** Completes the request if it is open and concerns this debtor and type (called by the action it asked for). */
    @Transactional
    public void completeIfOpen(@Nullable UUID id, UUID debtorId, Type type, String outcome, String resultRef) {
        if (id == null) {
            return;
        }
        Request r = get(id);
        if (r.debtorId() != null && !r.debtorId().equals(debtorId)) {
            throw new BusinessRuleException("request-mismatch", "Request " + id + " concerns another debtor.");
        }
        if (r.type() != type) {
            throw new BusinessRuleException("request-mismatch", "Request " + id + " is a " + r.type() + " request.");
        }
        if (r.isOpen()) {
            if (r.debtorId() == null) {
                dsl.update(PRIVACY_REQUEST).set(PRIVACY_REQUEST.DEBTOR_ID, debtorId)
                        .where(PRIVACY_REQUEST.ID.eq(id)).execute();
            }
            finish(r, Status.COMPLETED, outcome, resultRef);
        }
    }

    private Request open(UUID id) {
        Request r = get(id);
        if (!r.isOpen()) {
            throw new BusinessRuleException("request-closed", "Request " + id + " is " + r.status() + " already.");
        }
        return r;
    }

    private void finish(Request r, Status status, String outcome, @Nullable String resultRef) {
        dsl.update(PRIVACY_REQUEST).set(PRIVACY_REQUEST.STATUS, status.name()).set(PRIVACY_REQUEST.OUTCOME, outcome)
                .set(PRIVACY_REQUEST.RESULT_REF, resultRef)
                .set(PRIVACY_REQUEST.COMPLETED_AT, OffsetDateTime.now(clock))
                .set(PRIVACY_REQUEST.COMPLETED_BY, Actor.current().name())
                .where(PRIVACY_REQUEST.ID.eq(r.id())).execute();
        audit.record(AuditEvent.of("privacy.request-" + status.name().toLowerCase(), "privacy-request", r.id())
                .subject(r.debtorId()).detail("outcome", outcome));
    }

    private void setStatus(UUID id, Status status) {
        dsl.update(PRIVACY_REQUEST).set(PRIVACY_REQUEST.STATUS, status.name()).where(PRIVACY_REQUEST.ID.eq(id)).execute();
    }

    /** The request with its note decrypted: a read of personal data, audited. */
    @Transactional
    public Request withNote(UUID id) {
        PrivacyRequestRecord r = dsl.selectFrom(PRIVACY_REQUEST).where(PRIVACY_REQUEST.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Privacy request", id));
        String note = r.getNote() == null ? null
                : vault.decrypt(r.getSubjectId(), NOTE_PLACE + "/" + r.getId(), r.getNote()).orElse("[erased]");
        if (note != null) {
            audit.record(AuditEvent.of("privacy.request-read", "privacy-request", id).subject(r.getDebtorId()));
        }
        return toRequest(r, note);
    }

    private Request toRequest(PrivacyRequestRecord r) {
        return toRequest(r, null);
    }

    private Request toRequest(PrivacyRequestRecord r, @Nullable String note) {
        return new Request(r.getId(), r.getDebtorId(), Type.valueOf(r.getType()), Status.valueOf(r.getStatus()),
                r.getChannel(), r.getReceivedOn(), r.getPromisedDue(), r.getLegalDue(), r.getExtendedDue(),
                r.getExtensionReason(), note, r.getOutcome(), r.getResultRef(), r.getCreatedAt(), r.getCreatedBy(),
                r.getCompletedAt(), r.getCompletedBy());
    }
}
