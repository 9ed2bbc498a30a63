package io.creditflow.acceptance.web;

import io.creditflow.acceptance.CreditAlerts;
import io.creditflow.acceptance.CreditChecks;
import io.creditflow.acceptance.CreditLimits;
import io.creditflow.acceptance.Decision;
import io.creditflow.acceptance.Explanation;
import io.creditflow.acceptance.Policies;
import io.creditflow.acceptance.PolicySimulation;
import io.creditflow.acceptance.PolicyVersion;
import io.creditflow.acceptance.ReviewQueue;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reviews (art. 22), limits, alerts and policies over the API. */
@RestController
@RequestMapping("/api/v1")
class AcceptanceApiController {

    private final CreditChecks checks;
    private final ReviewQueue reviews;
    private final CreditLimits limits;
    private final CreditAlerts alerts;
    private final Policies policies;
    private final PolicySimulation simulation;
    private final JsonMapper json;

    AcceptanceApiController(CreditChecks checks, ReviewQueue reviews, CreditLimits limits, CreditAlerts alerts,
                            Policies policies, PolicySimulation simulation, JsonMapper json) {
        this.json = json;
        this.checks = checks;
        this.reviews = reviews;
        this.limits = limits;
        this.alerts = alerts;
        this.policies = policies;
        this.simulation = simulation;
    }

    record ReviewRequest(@Nullable String note) {
    }

    record ReviewDecision(@Nullable String decision, @Nullable String reason, @Nullable String approvedAmount) {
    }

    record LimitChange(@Nullable String amount, @Nullable String reason) {
    }

    record Draft(@Nullable Map<String, Object> document, @Nullable String note) {
    }

    record SimulationRequest(@Nullable Map<String, Object> document, @Nullable Integer checks) {
    }

    @GetMapping("/credit-checks/{checkId}/explanation")
    @PreAuthorize("hasAuthority('checks:read')")
    Explanation explain(@PathVariable UUID checkId, @RequestParam(required = false) @Nullable String language,
                        HttpServletRequest http) {
        return checks.explain(checkId, CreditChecksController.language(http, language));
    }

    /** The person asks for human review of an automated decision (GDPR art. 22). */
    @PostMapping("/credit-checks/{checkId}/reviews")
    @PreAuthorize("hasAuthority('checks:perform') or hasAuthority('checks:review')")
    ResponseEntity<Map<String, UUID>> requestReview(@PathVariable UUID checkId,
                                                    @RequestBody(required = false) @Nullable ReviewRequest body) {
        UUID id = reviews.request(checkId, body == null ? null : body.note());
        return ResponseEntity.status(201).body(Map.of("reviewId", id));
    }

    @GetMapping("/credit-reviews")
    @PreAuthorize("hasAuthority('checks:review')")
    Map<String, List<ReviewQueue.Item>> openReviews(@RequestParam(required = false) @Nullable Integer limit) {
        return Map.of("items", reviews.open(limit == null ? 100 : Math.min(limit, 500)));
    }

    @PostMapping("/credit-reviews/{reviewId}/decision")
    @PreAuthorize("hasAuthority('checks:review')")
    ResponseEntity<Void> decide(@PathVariable UUID reviewId, @RequestBody ReviewDecision body) {
        Decision decision;
        try {
            decision = Decision.valueOf(String.valueOf(body.decision()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid decision.", List.of(new FieldError("decision", "ACCEPT or REJECT")));
        }
        reviews.decide(reviewId, decision, body.reason() == null ? "" : body.reason(),
                amount(body.approvedAmount(), "approvedAmount"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/credit-limits")
    @PreAuthorize("hasAuthority('checks:read')")
    Map<String, List<CreditLimits.LimitLine>> limits(@RequestParam(defaultValue = "false") boolean overLimit,
                                                     @RequestParam(required = false) @Nullable Integer limit) {
        return Map.of("items", limits.overview(overLimit, limit == null ? 100 : Math.min(limit, 500)));
    }

    @GetMapping("/credit-limits/{identityId}")
    @PreAuthorize("hasAuthority('checks:read')")
    CreditLimits.LimitLine limit(@PathVariable UUID identityId) {
        return limits.of(identityId);
    }

    /** Sets a limit by hand ({@code "amount": null} clears it); a reason is required. */
    @PutMapping("/credit-limits/{identityId}")
    @PreAuthorize("hasAuthority('policy:manage')")
    CreditLimits.LimitLine setLimit(@PathVariable UUID identityId, @RequestBody LimitChange body) {
        return limits.setManual(identityId, amount(body.amount(), "amount"), body.reason());
    }

    @GetMapping("/credit-alerts")
    @PreAuthorize("hasAuthority('checks:read')")
    Map<String, List<CreditAlerts.Alert>> alerts() {
        return Map.of("items", alerts.open(200));
    }

    @PostMapping("/credit-alerts/{alertId}/acknowledge")
    @PreAuthorize("hasAuthority('checks:review')")
    ResponseEntity<Void> acknowledge(@PathVariable UUID alertId) {
        alerts.acknowledge(alertId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/credit-policies")
    @PreAuthorize("hasAuthority('checks:read')")
    Map<String, List<PolicyVersion>> policies() {
        return Map.of("items", policies.versions());
    }

    @PostMapping("/credit-policies")
    @PreAuthorize("hasAuthority('policy:manage')")
    ResponseEntity<PolicyVersion> draft(@RequestBody Draft body) {
        if (body.document() == null) {
            throw new ValidationException("A policy document is required.", List.of(new FieldError("document", "required")));
        }
        return ResponseEntity.status(201).body(policies.saveDraft(json.writeValueAsString(body.document()), body.note()));
    }

    @PostMapping("/credit-policies/{version}/activate")
    @PreAuthorize("hasAuthority('policy:manage')")
    PolicyVersion activate(@PathVariable int version) {
        return policies.activate(version);
    }

    /** Replays the last N checks (default 1000) under a draft document and shows what would change. */
    @PostMapping("/credit-policies/simulations")
    @PreAuthorize("hasAuthority('policy:manage')")
    PolicySimulation.Result simulate(@RequestBody SimulationRequest body) {
        if (body.document() == null) {
            throw new ValidationException("A policy document is required.", List.of(new FieldError("document", "required")));
        }
        return simulation.simulate(json.writeValueAsString(body.document()), body.checks() == null ? 1000 : body.checks());
    }

    private static @Nullable BigDecimal amount(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("Invalid amount.", List.of(new FieldError(field, "a decimal such as \"250.00\"")));
        }
    }
}
