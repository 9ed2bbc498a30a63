package io.creditflow.payments.web;

import io.creditflow.payments.reconciliation.EntryViews;
import io.creditflow.payments.reconciliation.Explanations;
import io.creditflow.payments.reconciliation.Reconciliation;
import io.creditflow.payments.reconciliation.StatementImports;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.payments.web.StatementJson.EntryJson;
import static io.creditflow.payments.web.StatementJson.ImportResponse;

@RestController
@RequestMapping("/api/v1")
class BankStatementsController {

    private static final Set<String> STATES = Set.of("APPLIED", "SUGGESTED", "UNMATCHED", "DUPLICATE", "IGNORED");

    private final StatementImports imports;
    private final EntryViews entries;
    private final Reconciliation reconciliation;
    private final Explanations explanations;

    BankStatementsController(StatementImports imports, EntryViews entries, Reconciliation reconciliation,
                             Explanations explanations) {
        this.imports = imports;
        this.entries = entries;
        this.reconciliation = reconciliation;
        this.explanations = explanations;
    }

    /** Imports a camt.053, MT940 or CSV file (multipart field {@code file}); answers when it is done. */
    @PostMapping(path = "/bank-statements", consumes = "multipart/form-data")
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<ImportResponse> upload(@RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ValidationException("No statement file was sent.", List.of(
                    new BusinessRuleException.FieldError("file", "a camt.053, MT940 or CSV file is required")));
        }
        String name = file.getOriginalFilename() == null ? "statement" : file.getOriginalFilename();
        StatementImports.Summary summary;
        try (InputStream in = file.getInputStream()) {
            summary = imports.importFile(name, in, file.getSize());
        }
        return ResponseEntity.created(URI.create("/api/v1/bank-statements/" + summary.id()))
                .body(ImportResponse.of(summary));
    }

    @GetMapping("/bank-statements")
    @PreAuthorize("hasAuthority('payments:read')")
    CursorPage<ImportResponse> list(@RequestParam(required = false) @Nullable String cursor,
                                    @RequestParam(required = false) @Nullable Integer limit) {
        var page = imports.list(cursor, CursorPage.limit(limit));
        return new CursorPage<>(page.items().stream().map(ImportResponse::of).toList(), page.nextCursor());
    }

    @GetMapping("/bank-statements/{id}")
    @PreAuthorize("hasAuthority('payments:read')")
    ImportResponse get(@PathVariable UUID id) {
        return ImportResponse.of(imports.get(id));
    }

    /** Each line of the import with its match, confidence and explanation. */
    @GetMapping("/bank-statements/{id}/entries")
    @PreAuthorize("hasAuthority('payments:read')")
    CursorPage<EntryJson> entries(@PathVariable UUID id, @RequestParam(required = false) @Nullable String state,
                                  @RequestParam(required = false) @Nullable String cursor,
                                  @RequestParam(required = false) @Nullable Integer limit) {
        imports.get(id);
        if (state != null && !STATES.contains(state)) {
            throw new ValidationException("Unknown state.", List.of(new BusinessRuleException.FieldError("state",
                    "one of " + String.join(", ", STATES.stream().sorted().toList()))));
        }
        var page = entries.ofImport(id, state, cursor, CursorPage.limit(limit));
        var locale = ApiLocale.current();
        return new CursorPage<>(page.items().stream().map(e -> EntryJson.of(e, explanations, locale)).toList(),
                page.nextCursor());
    }

    /** The reconciliation queue: every line waiting for a person, with its best suggestions. */
    @GetMapping("/reconciliation/queue")
    @PreAuthorize("hasAuthority('payments:read')")
    CursorPage<EntryJson> queue(@RequestParam(required = false) @Nullable String cursor,
                                @RequestParam(required = false) @Nullable Integer limit) {
        var page = entries.queue(cursor, CursorPage.limit(limit));
        var locale = ApiLocale.current();
        return new CursorPage<>(page.items().stream().map(e -> EntryJson.of(e, explanations, locale)).toList(),
                page.nextCursor());
    }

    @GetMapping("/bank-entries/{id}")
    @PreAuthorize("hasAuthority('payments:read')")
    EntryJson entry(@PathVariable UUID id) {
        return EntryJson.of(entries.get(id), explanations, ApiLocale.current());
    }

    record AcceptRequest(@Nullable Integer rank) {
    }

    @PostMapping("/bank-entries/{id}/accept")
    @PreAuthorize("hasAuthority('payments:write')")
    EntryJson accept(@PathVariable UUID id, @RequestBody AcceptRequest request) {
        reconciliation.accept(id, request.rank() == null ? 1 : request.rank());
        return entry(id);
    }

    record AssignRequest(@Nullable UUID debtorId, @Nullable List<UUID> invoiceIds, @Nullable Boolean byLaw) {
    }

    @PostMapping("/bank-entries/{id}/assign")
    @PreAuthorize("hasAuthority('payments:write')")
    EntryJson assign(@PathVariable UUID id, @RequestBody AssignRequest request) {
        reconciliation.assign(id, request.debtorId(), request.invoiceIds() == null ? List.of() : request.invoiceIds(),
                Boolean.TRUE.equals(request.byLaw()));
        return entry(id);
    }

    record IgnoreRequest(@Nullable String note) {
    }

    @PostMapping("/bank-entries/{id}/ignore")
    @PreAuthorize("hasAuthority('payments:write')")
    EntryJson ignore(@PathVariable UUID id, @RequestBody IgnoreRequest request) {
        reconciliation.ignore(id, request.note() == null ? "" : request.note());
        return entry(id);
    }

    @PostMapping("/bank-entries/{id}/unapply")
    @PreAuthorize("hasAuthority('payments:write')")
    EntryJson unapply(@PathVariable UUID id) {
        reconciliation.unapply(id);
        return entry(id);
    }
}
