package io.creditflow.receivables.web;

import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.PrivacyMarkers;
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
    private final PrivacyMarkers markers;

    DebtorsController(Debtors debtors, PrivacyMarkers markers) {
        this.debtors = debtors;
        this.markers = markers;
    }

    private DebtorResponse response(io.creditflow.receivables.Debtor d) {
        return DebtorResponse.of(d, markers.of(d.id()));
    }

    /** Registers a debtor (201), or updates the one with the same externalId (200). */
    @PostMapping
    @PreAuthorize("hasAuthority('receivables:write')")
    ResponseEntity<DebtorResponse> register(@RequestBody DebtorRequest request) {
        boolean exists = request.externalId() != null && debtors.idByExternalId(request.externalId()).isPresent();
        DebtorResponse body = response(debtors.register(request.toInput()));
        return exists ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/debtors/" + body.id())).body(body);
    }

    /** Replaces a debtor's data; send the "version" you read to refuse overwriting someone else's edit (409). */
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('receivables:write')")
    DebtorResponse update(@PathVariable UUID id, @RequestBody DebtorRequest request) {
        return response(debtors.update(id, request.toInput(), request.version()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('receivables:read')")
    DebtorResponse get(@PathVariable UUID id) {
        return response(debtors.get(id));
    }

    /** Lists (newest first) or searches by name words, e-mail, IBAN, phone, Chamber of Commerce or external id. */
    @GetMapping
    @PreAuthorize("hasAuthority('receivables:read')")
    CursorPage<DebtorResponse> search(@RequestParam(required = false) @Nullable String q,
                                      @RequestParam(required = false) @Nullable String cursor,
                                      @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage<io.creditflow.receivables.Debtor> page = debtors.search(q, cursor, CursorPage.limit(limit));
        var marked = markers.among(page.items().stream().map(io.creditflow.receivables.Debtor::id).toList());
        return new CursorPage<>(page.items().stream().map(d -> DebtorResponse.of(d,
                marked.getOrDefault(d.id(), PrivacyMarkers.Markers.NONE))).toList(), page.nextCursor());
    }
}
