package io.creditflow.dunning;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.Actor;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The collectors' worklist: debtors to call, made by CALL_TASK steps. Completing a task records the outcome; a
 * promise to pay pauses the debtor's dunning until the promised day (the run resumes it afterwards by itself).
 */
@Component
public class CallTasks {

    public static final List<String> OUTCOMES = List.of("PROMISED_TO_PAY", "REACHED", "NO_ANSWER", "WRONG_NUMBER",
            "DISPUTES", "OTHER");

    private final DSLContext dsl;
    private final DunningPauses pauses;
    private final PersonalDataVault vault;
    private final AuditLog audit;

    CallTasks(DSLContext dsl, DunningPauses pauses, PersonalDataVault vault, AuditLog audit) {
        this.dsl = dsl;
        this.pauses = pauses;
        this.vault = vault;
        this.audit = audit;
    }

    public record Task(UUID id, UUID debtorId, LocalDate runDate, String stepKey, List<UUID> invoiceIds,
                       String status, @Nullable String outcome, OffsetDateTime createdAt) {
    }

    @Transactional(readOnly = true)
    public List<Task> open(int limit) {
        return dsl.resultQuery("select * from dunning_call_task where status = 'OPEN' order by created_at limit {0}",
                limit).fetch(r -> new Task(r.get("id", UUID.class), r.get("debtor_id", UUID.class),
                r.get("run_date", LocalDate.class), r.get("step_key", String.class),
                List.of(r.get("invoice_ids", UUID[].class)), r.get("status", String.class),
                r.get("outcome", String.class), r.get("created_at", OffsetDateTime.class)));
    }

    /** Completes a task; the note is about a person, so it is stored encrypted under the debtor's key. */
    @Transactional
    public void complete(UUID taskId, String outcome, @Nullable String note, @Nullable LocalDate promisedBy) {
        if (!OUTCOMES.contains(outcome)) {
            throw new ValidationException("Invalid outcome.", List.of(new FieldError("outcome", "one of " + OUTCOMES)));
        }
        if ("PROMISED_TO_PAY".equals(outcome) && promisedBy == null) {
            throw new ValidationException("Invalid outcome.", List.of(new FieldError("promisedBy", "required with a promise")));
        }
        var task = dsl.resultQuery("select debtor_id from dunning_call_task where id = {0} and status = 'OPEN' for update",
                taskId).fetchOptional().orElseThrow(() -> new BusinessRuleException("not-open", "The task is done."));
        UUID debtor = task.get(0, UUID.class);
        dsl.execute("""
                update dunning_call_task set status = 'DONE', outcome = {0}, note = {1}, completed_at = now(),
                       completed_by = {2} where id = {3}""", outcome,
                note == null || note.isBlank() ? null : vault.encrypt(debtor, "dunning/call-note/" + taskId, note),
                Actor.current().name(), taskId);
        if (promisedBy != null && "PROMISED_TO_PAY".equals(outcome)) {
            pauses.pause(DunningPauses.Scope.DEBTOR, debtor, List.of(), "PROMISE_TO_PAY", "promised on a call",
                    promisedBy, "CALL");
        }
        audit.record(AuditEvent.of("dunning.call-completed", "call-task", taskId).subject(debtor)
                .detail("outcome", outcome));
    }
}
