package io.creditflow.payments.web;

import io.creditflow.receivables.Invoices;
import io.creditflow.payments.PaymentArrangements;
import io.creditflow.payments.PaymentPlans;
import io.creditflow.payments.PromisesToPay;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payment plans, promises to pay, and the pause they put on an invoice's dunning. */
@RestController
@RequestMapping("/api/v1")
class ArrangementsController {

    private final PaymentPlans plans;
    private final PromisesToPay promises;
    private final PaymentArrangements arrangements;
    private final Clock clock;
    private final Invoices invoices;

    ArrangementsController(PaymentPlans plans, PromisesToPay promises, PaymentArrangements arrangements, Clock clock,
                           Invoices invoices) {
        this.invoices = invoices;
        this.plans = plans;
        this.promises = promises;
        this.arrangements = arrangements;
        this.clock = clock;
    }

    record PlanRequest(@Nullable UUID debtorId, @Nullable List<UUID> invoiceIds, @Nullable Integer instalments,
                       @Nullable LocalDate firstDueDate, PaymentPlans.@Nullable Frequency frequency,
                       @Nullable Boolean agreed, @Nullable String note) {
    }

    @PostMapping("/payment-plans")
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<ArrangementJson.PlanJson> propose(@RequestBody PlanRequest r) {
        List<BusinessRuleException.FieldError> missing = new ArrayList<>();
        required(missing, "debtorId", r.debtorId());
        required(missing, "invoiceIds", r.invoiceIds());
        required(missing, "instalments", r.instalments());
        required(missing, "firstDueDate", r.firstDueDate());
        if (!missing.isEmpty()) {
            throw new ValidationException("The payment plan has missing fields.", missing);
        }
        PaymentPlans.Plan plan = plans.propose(r.debtorId(), r.invoiceIds(), r.instalments(), r.firstDueDate(),
                r.frequency() == null ? PaymentPlans.Frequency.MONTHLY : r.frequency(), Boolean.TRUE.equals(r.agreed()),
                r.note());
        return ResponseEntity.created(URI.create("/api/v1/payment-plans/" + plan.id()))
                .body(ArrangementJson.PlanJson.of(plan));
    }

    @GetMapping("/payment-plans")
    @PreAuthorize("hasAuthority('payments:read')")
    List<ArrangementJson.PlanJson> plans(@RequestParam(required = false) @Nullable UUID debtorId,
                                         @RequestParam(required = false) @Nullable String status) {
        return (debtorId != null ? plans.ofDebtor(debtorId) : plans.list(status, 200)).stream()
                .map(ArrangementJson.PlanJson::of).toList();
    }

    @GetMapping("/payment-plans/{id}")
    @PreAuthorize("hasAuthority('payments:read')")
    ArrangementJson.PlanJson plan(@PathVariable UUID id) {
        return ArrangementJson.PlanJson.of(plans.get(id));
    }

    @PostMapping("/payment-plans/{id}/agree")
    @PreAuthorize("hasAuthority('payments:write')")
    ArrangementJson.PlanJson agree(@PathVariable UUID id) {
        return ArrangementJson.PlanJson.of(plans.agree(id));
    }

    @PostMapping("/payment-plans/{id}/cancel")
    @PreAuthorize("hasAuthority('payments:write')")
    ArrangementJson.PlanJson cancel(@PathVariable UUID id, @RequestBody Map<String, String> body) {
        return ArrangementJson.PlanJson.of(plans.cancel(id, body.getOrDefault("reason", "cancelled")));
    }

    record PromiseRequest(@Nullable UUID debtorId, @Nullable List<UUID> invoiceIds, @Nullable BigDecimal amount,
                          @Nullable LocalDate promisedDate, @Nullable String channel, @Nullable String note) {
    }

    @PostMapping("/promises-to-pay")
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<ArrangementJson.PromiseJson> promise(@RequestBody PromiseRequest r) {
        List<BusinessRuleException.FieldError> missing = new ArrayList<>();
        required(missing, "debtorId", r.debtorId());
        required(missing, "amount", r.amount());
        required(missing, "promisedDate", r.promisedDate());
        if (!missing.isEmpty()) {
            throw new ValidationException("The promise has missing fields.", missing);
        }
        PromisesToPay.Promise promise = promises.make(r.debtorId(), r.invoiceIds() == null ? List.of() : r.invoiceIds(),
                r.amount(), r.promisedDate(), r.channel() == null ? "PHONE" : r.channel(), r.note());
        return ResponseEntity.created(URI.create("/api/v1/promises-to-pay/" + promise.id()))
                .body(ArrangementJson.PromiseJson.of(promise));
    }

    @GetMapping("/promises-to-pay")
    @PreAuthorize("hasAuthority('payments:read')")
    List<ArrangementJson.PromiseJson> promises(@RequestParam(required = false) @Nullable UUID debtorId,
                                               @RequestParam(required = false) @Nullable String status) {
        return promises.list(debtorId, status, 200).stream().map(ArrangementJson.PromiseJson::of).toList();
    }

    @GetMapping("/promises-to-pay/{id}")
    @PreAuthorize("hasAuthority('payments:read')")
    ArrangementJson.PromiseJson promise(@PathVariable UUID id) {
        return ArrangementJson.PromiseJson.of(promises.get(id));
    }

    @PostMapping("/promises-to-pay/{id}/cancel")
    @PreAuthorize("hasAuthority('payments:write')")
    ArrangementJson.PromiseJson cancelPromise(@PathVariable UUID id, @RequestBody Map<String, String> body) {
        return ArrangementJson.PromiseJson.of(promises.cancel(id, body.getOrDefault("reason", "cancelled")));
    }

    /** Whether dunning is paused for an invoice today (a running plan or an open promise), and until when. */
    @GetMapping("/invoices/{id}/payment-arrangement")
    @PreAuthorize("hasAuthority('payments:read')")
    ResponseEntity<PaymentArrangements.Pause> pause(@PathVariable UUID id) {
        invoices.get(id); // 404 for an unknown invoice (or another tenant's), not "no arrangement"
        return arrangements.pauseFor(id, LocalDate.now(clock)).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static void required(List<BusinessRuleException.FieldError> errors, String field, @Nullable Object value) {
        if (value == null) {
            errors.add(new BusinessRuleException.FieldError(field, "is required"));
        }
    }
}
