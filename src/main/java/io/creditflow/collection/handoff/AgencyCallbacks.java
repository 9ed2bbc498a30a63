package io.creditflow.collection.handoff;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.collection.CollectionCases;
import io.creditflow.collection.CollectionSettingsStore;
import io.creditflow.collection.HandOffs;
import io.creditflow.law.Allocation;
import io.creditflow.law.ClaimSnapshot;
import io.creditflow.law.IncomingPayment;
import io.creditflow.law.PaymentAllocation;
import io.creditflow.messaging.WebhookSignatures;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.ValidationException;
import io.creditflow.receivables.Invoice;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.LedgerEntryKind;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an agency reports back about a hand-off, through {@code POST /api/v1/collection-agency/callbacks/{handoffId}}:
 * signed with the tenant's agency secret like Creditflow's own webhooks ({@code X-Creditflow-Signature}, at most
 * five minutes old), and idempotent by the agency's {@code eventId} (a repeat changes nothing and answers
 * {@code DUPLICATE}). A {@code PAYMENT} is allocated over the case's claims by law (art. 6:43-6:44 BW: costs, then
 * interest, then principal) and booked on the ledger; a {@code STATUS} updates the hand-off. Body:
 * {@code {"eventId":"..","type":"PAYMENT","amount":"12.34","date":"2026-11-20"}} or
 * {@code {"eventId":"..","type":"STATUS","status":"IN_PROGRESS|SETTLED|RETURNED|ACKNOWLEDGED"}}.
 */
@Component
public class AgencyCallbacks {

    public enum Outcome { BOOKED, UPDATED, DUPLICATE }

    /** The signature is missing, wrong or too old. */
    public static class BadSignature extends RuntimeException {
        BadSignature() {
            super("invalid or missing X-Creditflow-Signature");
        }
    }

    private static final Set<String> STATUSES = Set.of("ACKNOWLEDGED", "IN_PROGRESS", "SETTLED", "RETURNED");
    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final CollectionSettingsStore settings;
    private final CollectionCases cases;
    private final HandOffs handOffs;
    private final Ledger ledger;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    AgencyCallbacks(DSLContext dsl, TenantScope tenantScope, CollectionSettingsStore settings, CollectionCases cases,
                    HandOffs handOffs, Ledger ledger, AuditLog audit, JsonMapper json, Clock clock) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.settings = settings;
        this.cases = cases;
        this.handOffs = handOffs;
        this.ledger = ledger;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public Outcome receive(UUID handoffId, String signature, String body) {
        UUID tenant = dsl.resultQuery("select collection_handoff_tenant({0})", handoffId).fetchOne(0, UUID.class);
        if (tenant == null) {
            throw new NotFoundException("Hand-off", handoffId);
        }
        return tenantScope.inTenant(tenant, () -> {
            String secret = settings.agencySecret().orElseThrow(BadSignature::new);
            if (!WebhookSignatures.verify(secret, signature, body, clock.instant(), Duration.ofMinutes(5))) {
                throw new BadSignature();
            }
            return apply(handOffs.get(handoffId), parse(body));
        });
    }

    record Callback(String eventId, String type, String status, BigDecimal amount, LocalDate date) {
    }

    private Callback parse(String body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (RuntimeException e) {
            throw new ValidationException("The callback is not JSON.", List.of(new FieldError("body", "JSON object")));
        }
        String eventId = text(n, "eventId");
        String type = text(n, "type");
        if (eventId.isBlank() || eventId.length() > 200) {
            errors.add(new FieldError("eventId", "required, at most 200 characters"));
        }
        BigDecimal amount = BigDecimal.ZERO;
        LocalDate date = LocalDate.now(clock);
        String status = text(n, "status");
        if ("PAYMENT".equals(type)) {
            try {
                amount = new BigDecimal(text(n, "amount"));
                if (amount.signum() <= 0 || amount.scale() > 2) {
                    errors.add(new FieldError("amount", "a positive amount with at most two decimals"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("amount", "a positive amount with at most two decimals"));
            }
            try {
                date = text(n, "date").isBlank() ? date : LocalDate.parse(text(n, "date"));
            } catch (RuntimeException e) {
                errors.add(new FieldError("date", "yyyy-mm-dd"));
            }
        } else if ("STATUS".equals(type)) {
            if (!STATUSES.contains(status)) {
                errors.add(new FieldError("status", "one of " + String.join(", ", STATUSES)));
            }
        } else {
            errors.add(new FieldError("type", "PAYMENT or STATUS"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The callback has invalid fields.", errors);
        }
        return new Callback(eventId, type, status, amount, date);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    private Outcome apply(HandOffs.HandOff h, Callback cb) {
        int fresh = dsl.execute("""
                insert into collection_agency_event (tenant_id, handoff_id, event_id, kind, amount, outcome)
                values (current_tenant(), {0}, {1}, {2}, {3}, 'APPLIED') on conflict do nothing""",
                h.id(), cb.eventId(), cb.type(), "PAYMENT".equals(cb.type()) ? cb.amount() : null);
        if (fresh == 0) {
            return Outcome.DUPLICATE;
        }
        if ("STATUS".equals(cb.type())) {
            dsl.execute("update collection_handoff set status = {0}, updated_at = now() where id = {1}", cb.status(),
                    h.id());
            audit.record(AuditEvent.of("collection.agency-status", "collection-case", h.caseId())
                    .purpose("collection").detail("status", cb.status()).detail("event", cb.eventId()));
            return Outcome.UPDATED;
        }
        book(h, cb);
        return Outcome.BOOKED;
    }

    private void book(HandOffs.HandOff h, Callback cb) {
        List<Invoice> claims = cases.claims(h.caseId()).stream().filter(i -> i.openAmount().signum() > 0).toList();
        BigDecimal open = claims.stream().map(Invoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (cb.amount().compareTo(open) > 0) {
            throw new ValidationException("The payment exceeds what is open.", List.of(new FieldError("amount",
                    "at most " + open.toPlainString() + " is open on the case")));
        }
        Map<String, Invoice> byId = claims.stream().collect(Collectors.toMap(i -> i.id().toString(), Function.identity()));
        Allocation allocation = PaymentAllocation.allocate(IncomingPayment.of(cb.amount(), cb.date()),
                claims.stream().map(i -> ClaimSnapshot.of(i.id().toString(), i.dueDate(), i.openCosts(),
                        i.openInterest(), i.openPrincipal())).toList());
        String reference = "agency:" + h.id() + ":" + cb.eventId();
        for (Allocation.ClaimAllocation a : allocation.claims()) {
            if (a.total().signum() > 0) {
                ledger.post(byId.get(a.claimId()).id(), LedgerEntryKind.PAYMENT, a.toPrincipal().negate(),
                        a.toCosts().negate(), a.toInterest().negate(), cb.date(), reference.length() > 200
                                ? reference.substring(0, 200) : reference, "payment collected by " + h.agency());
            }
        }
        dsl.execute("update collection_handoff set collected = collected + {0}, status = case when status = 'SENT' "
                + "then 'IN_PROGRESS' else status end, updated_at = now() where id = {1}", cb.amount(), h.id());
        audit.record(AuditEvent.of("collection.agency-payment", "collection-case", h.caseId()).purpose("collection")
                .detail("amount", cb.amount().toPlainString()).detail("event", cb.eventId()));
    }
}
