package io.creditflow.acceptance.web;

import io.creditflow.acceptance.CheckDetail;
import io.creditflow.acceptance.CheckRequest;
import io.creditflow.acceptance.CheckResult;
import io.creditflow.acceptance.CreditChecks;
import io.creditflow.acceptance.SubjectQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/credit-checks")
class CreditChecksController {

    private final CreditChecks checks;

    CreditChecksController(CreditChecks checks) {
        this.checks = checks;
    }

    /**
     * Performs a check: 201 with the decision; 200 with {@code "replayed": true} when the same order (identity, order
     * reference and amount) was checked before. Reasons in {@code language} (nl, en), else Accept-Language, else nl.
     */
    @PostMapping
    @PreAuthorize("hasAuthority('checks:perform')")
    ResponseEntity<CheckResult> perform(@RequestBody CheckRequest request, HttpServletRequest http) {
        CheckResult result = checks.perform(request, language(http, null));
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/credit-checks/" + result.checkId())).body(result);
    }

    /** The logged check in full (inputs, signals, rules, sources, reviews). */
    @GetMapping("/{checkId}")
    @PreAuthorize("hasAuthority('checks:read')")
    CheckDetail get(@PathVariable UUID checkId, @RequestParam(required = false) @Nullable String language,
                    HttpServletRequest http) {
        return checks.get(checkId, language(http, language));
    }

    /** Every check about one person or company, for an access request (GDPR art. 15). */
    @GetMapping
    @PreAuthorize("hasAuthority('checks:read')")
    Map<String, List<CheckDetail>> about(@RequestParam(required = false) @Nullable String email,
                                         @RequestParam(required = false) @Nullable String iban,
                                         @RequestParam(required = false) @Nullable String phone,
                                         @RequestParam(required = false) @Nullable String postcode,
                                         @RequestParam(required = false) @Nullable String houseNumber,
                                         @RequestParam(required = false) @Nullable String lastName,
                                         @RequestParam(required = false) @Nullable String firstName,
                                         @RequestParam(required = false) @Nullable String dateOfBirth,
                                         @RequestParam(required = false) @Nullable String chamberOfCommerce,
                                         @RequestParam(required = false) @Nullable String language,
                                         HttpServletRequest http) {
        SubjectQuery query = new SubjectQuery(email, iban, phone, postcode, houseNumber, lastName, firstName,
                dateOfBirth, chamberOfCommerce);
        return Map.of("items", checks.about(query, language(http, language)));
    }

    /** Frees the open order's hold on the limit (order cancelled). */
    @PostMapping("/{checkId}/release")
    @PreAuthorize("hasAuthority('checks:perform')")
    ResponseEntity<Void> release(@PathVariable UUID checkId, @RequestBody(required = false) @Nullable Map<String, String> body) {
        checks.release(checkId, body == null ? "released" : body.getOrDefault("reason", "released"));
        return ResponseEntity.noContent().build();
    }

    /** Erases the personal data of every check about one identity (GDPR art. 17); the decisions stay. */
    @PostMapping("/identities/{identityId}/erase")
    @PreAuthorize("hasAuthority('privacy:manage')")
    ResponseEntity<Void> erase(@PathVariable UUID identityId, @RequestBody(required = false) @Nullable Map<String, String> body) {
        checks.erase(identityId, body == null ? "erasure request" : body.getOrDefault("reason", "erasure request"));
        return ResponseEntity.noContent().build();
    }

    static String language(HttpServletRequest http, @Nullable String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "nl";
        }
        String header = http.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return "nl";
        }
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
            String tag = range.getRange();
            if (tag.startsWith("nl")) {
                return "nl";
            }
            if (tag.startsWith("en")) {
                return "en";
            }
        }
        return "nl";
    }
}
