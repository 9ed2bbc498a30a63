package io.creditflow.receivables.web;

import io.creditflow.platform.NotFoundException;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.OriginalInvoices;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

/**
 * The download of an invoice's original e-invoice, byte for byte as received (an audited read), for the API and the
 * console alike; 404 when the invoice is not found or has no original (registered through the API or a CSV import).
 */
final class OriginalDocumentDownload {

    private OriginalDocumentDownload() {
    }

    static ResponseEntity<byte[]> of(Invoices invoices, OriginalInvoices originals, UUID invoiceId) {
        invoices.get(invoiceId);
        var original = originals.of(invoiceId).orElseThrow(() -> new NotFoundException(
                "Original document of invoice", invoiceId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(original.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(original.fileName())
                        .build().toString())
                .body(original.bytes());
    }
}
