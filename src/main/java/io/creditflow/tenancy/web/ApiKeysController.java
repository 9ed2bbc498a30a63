package io.creditflow.tenancy.web;

import io.creditflow.platform.Actor;
import io.creditflow.tenancy.ApiKeys;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasAuthority('api-keys:manage')")
class ApiKeysController {

    private final ApiKeys apiKeys;
    private final jakarta.validation.Validator validator;

    ApiKeysController(ApiKeys apiKeys, jakarta.validation.Validator validator) {
        this.apiKeys = apiKeys;
        this.validator = validator;
    }

    /** {@code rateLimitPerSecond}: this key's own limit (omit for the platform default). */
    record IssueRequest(@NotBlank @Size(max = 100) String name, @NotEmpty Set<String> scopes,
                        @org.jspecify.annotations.Nullable Integer rateLimitPerSecond) {
    }

    /** The response is the only time the key is shown in clear. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.IssuedKey issue(@RequestBody IssueRequest request) {
        Checks.valid(validator, request);
        return apiKeys.issue(request.name(), request.scopes(), Actor.current().name(), request.rateLimitPerSecond());
    }

    record RateLimit(@org.jspecify.annotations.Nullable Integer rateLimitPerSecond) {
    }

    /** Sets the key's own rate limit, or (null) returns it to the platform default. */
    @PutMapping("/{id}/rate-limit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rateLimit(@PathVariable UUID id, @RequestBody RateLimit body) {
        apiKeys.changeRateLimit(id, body.rateLimitPerSecond());
    }

    @GetMapping
    List<ApiKeys.KeyInfo> list() {
        return apiKeys.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        apiKeys.revoke(id);
    }
}
