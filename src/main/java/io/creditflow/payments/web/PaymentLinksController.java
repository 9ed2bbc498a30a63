package io.creditflow.payments.web;

import io.creditflow.payments.PaymentLinks;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/payment-links")
class PaymentLinksController {

    private final PaymentLinks links;

    PaymentLinksController(PaymentLinks links) {
        this.links = links;
    }

    record LinkRequest(@Nullable UUID debtorId, @Nullable List<UUID> invoiceIds) {
    }

    record LinkJson(UUID id, String url, UUID debtorId, String amount, String currency, String status,
                    List<UUID> invoiceIds, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                    @Nullable OffsetDateTime paidAt) {
        static LinkJson of(PaymentLinks.Link l) {
            return new LinkJson(l.id(), l.url().toString(), l.debtorId(), StatementJson.money(l.amount()),
                    l.currency(), l.status(), l.invoiceIds(), l.createdAt(), l.expiresAt(), l.paidAt());
        }
    }

    /** A pay link for these invoices of the debtor (an open link for the same invoices is reused). */
    @PostMapping
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<LinkJson> create(@RequestBody LinkRequest request) {
        if (request.debtorId() == null || request.invoiceIds() == null || request.invoiceIds().isEmpty()) {
            throw new ValidationException("The payment link has missing fields.", List.of(
                    new BusinessRuleException.FieldError(request.debtorId() == null ? "debtorId" : "invoiceIds",
                            "is required")));
        }
        PaymentLinks.Link link = links.create(request.debtorId(), request.invoiceIds());
        return ResponseEntity.created(URI.create("/api/v1/payment-links/" + link.id())).body(LinkJson.of(link));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('payments:read')")
    List<LinkJson> list(@RequestParam(required = false) @Nullable UUID debtorId) {
        return links.list(debtorId, 200).stream().map(LinkJson::of).toList();
    }
}
