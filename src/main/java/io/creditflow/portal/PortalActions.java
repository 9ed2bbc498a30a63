package io.creditflow.portal;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.payments.PaymentLinks;
import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.PromisesToPay;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.ValidationException;
import io.creditflow.receivables.Debtor;
import io.creditflow.privacy.SelfServiceRectification;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a signed-in debtor can do, each through the module that owns it: pay (a payments link), propose a payment plan
 * (within the tenant's portal rules: agreed at once or left PROPOSED for the payments review), promise to pay, dispute
 * an invoice (receivables; dunning pauses for it), and correct their e-mail address and phone number (receivables,
 * audited). Every action first checks that the invoices are this debtor's own and open.
 */
@Component
public class PortalActions {

    /** Dispute reasons a debtor picks from; the receivables dispute records the code, the free text goes encrypted. */
    public static final List<String> DISPUTE_REASONS = List.of("NOT_RECEIVED", "WRONG_AMOUNT", "ALREADY_PAID",
            "NOT_ORDERED", "QUALITY", "OTHER");

    /** Receivables' section of the debtor's profile in the data-subject rights (its rectifiable fields). */
    static final String DEBTOR_SECTION = "receivables.debtor";

    public enum PlanOutcome { AGREED, IN_REVIEW }

    public record PlanResult(UUID planId, PlanOutcome outcome, BigDecimal instalment) {
    }

    private final PortalStatements statements;
    private final PortalSettingsStore settings;
    private final PortalMessages messages;
    private final PaymentLinks paymentLinks;
    private final PaymentPlans plans;
    private final PromisesToPay promises;
    private final Invoices invoices;
    private final Debtors debtors;
    private final SelfServiceRectification rectification;
    private final AuditLog audit;
    private final Clock clock;

    PortalActions(PortalStatements statements, PortalSettingsStore settings, PortalMessages messages,
                  PaymentLinks paymentLinks, PaymentPlans plans, PromisesToPay promises, Invoices invoices,
                  Debtors debtors, SelfServiceRectification rectification, AuditLog audit, Clock clock) {
        this.statements = statements;
        this.settings = settings;
        this.messages = messages;
        this.paymentLinks = paymentLinks;
        this.plans = plans;
        this.promises = promises;
        this.invoices = invoices;
        this.debtors = debtors;
        this.rectification = rectification;
        this.audit = audit;
        this.clock = clock;
    }

    /** A payment link's token for the chosen open invoices (an open link for exactly these is reused). */
    @Transactional
    public String pay(UUID debtorId, List<UUID> invoiceIds) {
        return paymentLinks.create(debtorId, own(debtorId, invoiceIds)).token();
    }

    /**
     * Proposes a plan over the chosen invoices. Refused (with the field named) beyond the tenant's maximum number of
     * instalments, below its minimum instalment or starting too late; agreed at once up to its automatic limit.
     */
    @Transactional
    public PlanResult proposePlan(UUID debtorId, List<UUID> invoiceIds, int instalments, LocalDate firstDueDate,
                                  PaymentPlans.Frequency frequency) {
        List<UUID> ids = own(debtorId, invoiceIds);
        PortalSettings rules = settings.current();
        BigDecimal total = statements.openAmong(debtorId, ids).stream().map(PortalStatements.Row::open)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<FieldError> errors = new ArrayList<>();
        if (instalments < 1 || instalments > rules.planMaxInstalments()) {
            errors.add(new FieldError("instalments", "between 1 and " + rules.planMaxInstalments()));
        }
        BigDecimal each = total.divide(BigDecimal.valueOf(Math.max(1, instalments)), 2, RoundingMode.DOWN);
        if (instalments > 1 && each.compareTo(rules.planMinInstalment()) < 0) {
            errors.add(new FieldError("instalments", "each instalment must be at least "
                    + rules.planMinInstalment().toPlainString()));
        }
        LocalDate today = LocalDate.now(clock.withZone(PortalLinks.ZONE));
        if (firstDueDate.isBefore(today) || firstDueDate.isAfter(today.plusDays(rules.planMaxFirstDays()))) {
            errors.add(new FieldError("firstDueDate", "between today and " + today.plusDays(rules.planMaxFirstDays())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The payment plan is outside what can be arranged here.", errors);
        }
        boolean auto = instalments <= rules.planAutoInstalments();
        var plan = plans.propose(debtorId, ids, instalments, firstDueDate, frequency, auto,
                "proposed in the debtor portal");
        audit.record(AuditEvent.of("portal.plan-proposed", "payment-plan", plan.id()).subject(debtorId)
                .detail("outcome", auto ? "AGREED" : "IN_REVIEW"));
        return new PlanResult(plan.id(), auto ? PlanOutcome.AGREED : PlanOutcome.IN_REVIEW, each);
    }

    /** A promise to pay the chosen invoices' open total by a date. */
    @Transactional
    public UUID promise(UUID debtorId, List<UUID> invoiceIds, LocalDate date) {
        List<UUID> ids = own(debtorId, invoiceIds);
        BigDecimal total = statements.openAmong(debtorId, ids).stream().map(PortalStatements.Row::open)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate today = LocalDate.now(clock.withZone(PortalLinks.ZONE));
        if (date.isBefore(today) || date.isAfter(today.plusDays(settings.current().planMaxFirstDays()))) {
            throw new ValidationException("The promise is not valid.", List.of(new FieldError("promisedDate",
                    "between today and " + today.plusDays(settings.current().planMaxFirstDays()))));
        }
        return promises.make(debtorId, ids, total, date, "PORTAL", "made in the debtor portal").id();
    }

    /**
     * Disputes one invoice: receivables records the reason code (dunning pauses for the invoice); the debtor's own
     * words go to the message thread, encrypted, where the tenant answers.
     */
    @Transactional
    public void dispute(UUID debtorId, UUID invoiceId, String reason, String message) {
        List<FieldError> errors = new ArrayList<>();
        if (!DISPUTE_REASONS.contains(reason)) {
            errors.add(new FieldError("reason", "one of " + DISPUTE_REASONS));
        }
        if (message.strip().length() > PortalMessages.MAX_LENGTH) {
            errors.add(new FieldError("message", "at most " + PortalMessages.MAX_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The dispute is not valid.", errors);
        }
        var invoice = own(debtorId, List.of(invoiceId)).getFirst();
        var disputed = invoices.dispute(invoice, "portal: " + reason);
        if (!message.isBlank()) {
            messages.fromDebtor(debtorId, "[" + disputed.number() + "] " + message);
        }
    }

    /**
     * Replaces the first e-mail address and phone number (others are kept). A change is the person rectifying their
     * own data, so it goes through privacy's rectification (validated by receivables, previous values in the
     * rectification history, a PORTAL request completed); saving unchanged values records nothing.
     */
    @Transactional
    public void updateContact(UUID debtorId, String email, String phone) {
        Debtor d = debtors.get(debtorId);
        DebtorProfile p = d.profile();
        if (p == null) {
            throw new BusinessRuleException("erased", "This person's data was erased.");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> emails = replaceFirst(p.emails(), email.trim());
        if (!emails.equals(p.emails())) {
            changes.put("emails", String.join("\n", emails));
        }
        List<String> phones = replaceFirst(p.phones(), phone.trim());
        if (!phones.equals(p.phones())) {
            changes.put("phones", String.join("\n", phones));
        }
        if (changes.isEmpty()) {
            return;
        }
        try {
            rectification.rectify(debtorId, DEBTOR_SECTION, changes, "PORTAL");
        } catch (ValidationException e) {
            // the rectifiable field keys (emails, phones) as the form names them
            throw new ValidationException(e.getMessage(), e.errors().stream().map(f -> new FieldError(
                    switch (f.field()) {
                        case "emails" -> "email";
                        case "phones" -> "phone";
                        default -> f.field();
                    }, f.reason())).toList());
        }
        audit.record(AuditEvent.of("portal.contact-updated", "debtor", debtorId).subject(debtorId));
    }

    private static List<String> replaceFirst(List<String> values, String value) {
        List<String> out = new ArrayList<>(values);
        if (value.isEmpty()) {
            if (!out.isEmpty()) {
                out.removeFirst();
            }
        } else if (out.isEmpty()) {
            out.add(value);
        } else {
            out.set(0, value);
        }
        return out;
    }

    /** The ids, if each is an open invoice of this debtor; otherwise not found (no hint whose it is). */
    private List<UUID> own(UUID debtorId, List<UUID> invoiceIds) {
        List<UUID> wanted = invoiceIds.stream().distinct().toList();
        if (wanted.isEmpty()) {
            throw new ValidationException("Choose at least one invoice.",
                    List.of(new FieldError("invoiceIds", "choose at least one invoice")));
        }
        Set<UUID> open = Set.copyOf(statements.openAmong(debtorId, wanted).stream().map(PortalStatements.Row::id)
                .toList());
        if (!open.containsAll(wanted)) {
            throw new NotFoundException("Invoice", "one of " + wanted);
        }
        return wanted;
    }
}
