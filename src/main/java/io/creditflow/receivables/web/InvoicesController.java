package io.creditflow.receivables.web;

import io.creditflow.platform.web.CursorPage;
import io.creditflow.receivables.InvoiceStatus;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.receivables.OriginalInvoices;
import io.creditflow.receivables.web.ReceivablesJson.InvoiceRequest;
import io.creditflow.receivables.web.ReceivablesJson.InvoiceResponse;
import io.creditflow.receivables.web.ReceivablesJson.LedgerEntryResponse;
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
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/invoices")
class InvoicesController {

    private final Invoices invoices;
    private final Ledger ledger;
    private final OriginalInvoices originals;

    InvoicesController(Invoices invoices, Ledger ledger, OriginalInvoices originals) {
        this.invoices = invoices;
        this.ledger = ledger;
        this.originals = originals;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('receivables:write')")
    ResponseEntity<InvoiceResponse> register(@RequestBody InvoiceRequest request) {
        InvoiceResponse body = InvoiceResponse.of(invoices.register(request.toInput(), "API"));
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + body.id())).body(body);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('receivables:read')")
    InvoiceResponse get(@PathVariable UUID id) {
        return InvoiceResponse.of(invoices.get(id));
    }

    /** {@code ?number=} finds one invoice by its number; otherwise a page, filtered by debtor, status or open. */
    @GetMapping
    @PreAuthorize("hasAuthority('receivables:read')")
    Object list(@RequestParam(required = false) @Nullable String number,
                @RequestParam(required = false) @Nullable UUID debtorId,
                @RequestParam(required = false) @Nullable InvoiceStatus status,
                @RequestParam(required = false) @Nullable Boolean open,
                @RequestParam(required = false) @Nullable String cursor,
                @RequestParam(required = false) @Nullable Integer limit) {
        if (number != null) {
            return invoices.findByNumber(number).map(InvoiceResponse::of)
                    .orElseThrow(() -> new io.creditflow.platform.NotFoundException("Invoice number", number));
        }
        var page = invoices.list(new Invoices.Filter(debtorId, status, open, null, null), cursor,
                CursorPage.limit(limit));
        return new CursorPage<>(page.items().stream().map(InvoiceResponse::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}/ledger")
    @PreAuthorize("hasAuthority('receivables:read')")
    List<LedgerEntryResponse> ledger(@PathVariable UUID id) {
        invoices.get(id);
        return ledger.entries(id).stream().map(LedgerEntryResponse::of).toList();
    }

    /**
     * The creditor's original document of an invoice that came in as an e-invoice, byte for byte as received (an
     * audited read); 404 when the invoice has none (registered through the API or a CSV import) or is not found.
     */
    @GetMapping("/{id}/original")
    @PreAuthorize("hasAuthority('receivables:read')")
    ResponseEntity<byte[]> original(@PathVariable UUID id) {
        return OriginalDocumentDownload.of(invoices, originals, id);
    }

    record DisputeRequest(String reason) {
    }

    @PostMapping("/{id}/dispute")
    @PreAuthorize("hasAuthority('receivables:write')")
    InvoiceResponse dispute(@PathVariable UUID id, @RequestBody DisputeRequest request) {
        return InvoiceResponse.of(invoices.dispute(id, request.reason() == null ? "" : request.reason()));
    }

    @PostMapping("/{id}/dispute/resolve")
    @PreAuthorize("hasAuthority('receivables:write')")
    InvoiceResponse resolve(@PathVariable UUID id, @RequestBody Map<String, String> body) {
        return InvoiceResponse.of(invoices.resolveDispute(id, body.getOrDefault("resolution", "")));
    }
}
