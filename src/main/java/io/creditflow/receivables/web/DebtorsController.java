package io.creditflow.receivables.web;

import io.creditflow.platform.web.CursorPage;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.web.ReceivablesJson.DebtorRequest;
import io.creditflow.receivables.web.ReceivablesJson.DebtorResponse;
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

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/debtors")
class DebtorsController {

    private final Debtors debtors;

    DebtorsController(Debtors debtors) {
        this.debtors = debtors;
    }

    /** Registers a debtor (201), or updates the one with the same externalId (200). */
    @PostMapping
    @PreAuthorize("hasAuthority('receivables:write')")
    ResponseEntity<DebtorResponse> register(@RequestBody DebtorRequest request) {
        boolean exists = request.externalId() != null && debtors.idByExternalId(request.externalId()).isPresent();
        DebtorResponse body = DebtorResponse.of(debtors.register(request.toInput()));
        return exists ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/debtors/" + body.id())).body(body);
    }

    /** Replaces a debtor's data; send the "version" you read to refuse overwriting someone else's edit (409). */
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('receivables:write')")
    DebtorResponse update(@PathVariable UUID id, @RequestBody DebtorRequest request) {
        return DebtorResponse.of(debtors.update(id, request.toInput(), request.version()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('receivables:read')")
    DebtorResponse get(@PathVariable UUID id) {
        return DebtorResponse.of(debtors.get(id));
    }

    /** Lists (newest first) or searches by name words, e-mail, IBAN, phone, Chamber of Commerce or external id. */
    @GetMapping
    @PreAuthorize("hasAuthority('receivables:read')")
    CursorPage<DebtorResponse> search(@RequestParam(required = false) @Nullable String q,
                                      @RequestParam(required = false) @Nullable String cursor,
                                      @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage<io.creditflow.receivables.Debtor> page = debtors.search(q, cursor, CursorPage.limit(limit));
        return new CursorPage<>(page.items().stream().map(DebtorResponse::of).toList(), page.nextCursor());
    }
}
