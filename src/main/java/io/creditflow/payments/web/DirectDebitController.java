package io.creditflow.payments.web;

import io.creditflow.payments.DirectDebits;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.directdebit.DirectDebitCollections;
import io.creditflow.payments.directdebit.Mandates;
import io.creditflow.payments.reconciliation.PaymentSettingsStore;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SEPA direct debit (mandates, collection files) and the tenant's payment settings. */
@RestController
@RequestMapping("/api/v1")
class DirectDebitController {

    private final Mandates mandates;
    private final DirectDebitCollections collections;
    private final DirectDebits directDebits;
    private final PaymentSettingsStore settings;

    DirectDebitController(Mandates mandates, DirectDebitCollections collections, DirectDebits directDebits,
                          PaymentSettingsStore settings) {
        this.mandates = mandates;
        this.collections = collections;
        this.directDebits = directDebits;
        this.settings = settings;
    }

    record MandateRequest(@Nullable UUID debtorId, @Nullable String reference, @Nullable LocalDate signedOn,
                          @Nullable String iban, @Nullable String bic, @Nullable String type, @Nullable String scheme) {
    }

    @PostMapping("/mandates")
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<Mandates.Mandate> register(@RequestBody MandateRequest r) {
        if (r.debtorId() == null || r.signedOn() == null || r.iban() == null) {
            throw new ValidationException("The mandate has missing fields.", List.of(
                    new BusinessRuleException.FieldError(r.debtorId() == null ? "debtorId" : r.signedOn() == null
                            ? "signedOn" : "iban", "is required")));
        }
        Mandates.Mandate mandate = mandates.register(r.debtorId(), r.reference(), r.signedOn(), r.iban(), r.bic(),
                r.type() == null ? "RECURRENT" : r.type(), r.scheme() == null ? "CORE" : r.scheme());
        return ResponseEntity.created(URI.create("/api/v1/mandates/" + mandate.id())).body(mandate);
    }

    @GetMapping("/mandates")
    @PreAuthorize("hasAuthority('payments:read')")
    List<Mandates.Mandate> mandates(@RequestParam(required = false) @Nullable UUID debtorId) {
        return mandates.list(debtorId, 500);
    }

    @PostMapping("/mandates/{id}/revoke")
    @PreAuthorize("hasAuthority('payments:write')")
    Mandates.Mandate revoke(@PathVariable UUID id, @RequestBody Map<String, String> body) {
        return mandates.revoke(id, body.getOrDefault("reason", "revoked"));
    }

    record CollectionJson(UUID id, String messageId, LocalDate collectionDate, String status, int items,
                          String controlSum, java.time.OffsetDateTime createdAt) {
        static CollectionJson of(DirectDebitCollections.Collection c) {
            return new CollectionJson(c.id(), c.messageId(), c.collectionDate(), c.status(), c.items(),
                    StatementJson.money(c.controlSum()), c.createdAt());
        }
    }

    record NoticeJson(UUID debtorId, String mandateReference, LocalDate collectionDate, String amount,
                      List<UUID> invoiceIds, boolean sent) {
    }

    record CollectionRequest(@Nullable LocalDate collectionDate, @Nullable String scheme) {
    }

    @PostMapping("/direct-debit-collections")
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<CollectionJson> collect(@RequestBody CollectionRequest r) {
        if (r.collectionDate() == null) {
            throw new ValidationException("The collection date is missing.", List.of(
                    new BusinessRuleException.FieldError("collectionDate", "is required")));
        }
        var collection = collections.create(r.collectionDate(), r.scheme() == null ? "CORE" : r.scheme());
        return ResponseEntity.created(URI.create("/api/v1/direct-debit-collections/" + collection.id()))
                .body(CollectionJson.of(collection));
    }

    @GetMapping("/direct-debit-collections")
    @PreAuthorize("hasAuthority('payments:read')")
    List<CollectionJson> collections() {
        return collections.list(200).stream().map(CollectionJson::of).toList();
    }

    @GetMapping("/direct-debit-collections/{id}")
    @PreAuthorize("hasAuthority('payments:read')")
    CollectionJson collection(@PathVariable UUID id) {
        return CollectionJson.of(collections.get(id));
    }

    /** The pain.008.001.02 file, validated against its schema when it was made. */
    @GetMapping("/direct-debit-collections/{id}/file")
    @PreAuthorize("hasAuthority('payments:write')")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        var collection = collections.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + collection.messageId() + ".xml\"")
                .body(collections.file(id));
    }

    @PostMapping("/direct-debit-collections/{id}/cancel")
    @PreAuthorize("hasAuthority('payments:write')")
    CollectionJson cancel(@PathVariable UUID id) {
        return CollectionJson.of(collections.cancel(id));
    }

    @GetMapping("/direct-debit-collections/{id}/pre-notifications")
    @PreAuthorize("hasAuthority('payments:read')")
    List<NoticeJson> preNotifications(@PathVariable UUID id) {
        collections.get(id); // 404 for an unknown id (or another tenant's)
        return directDebits.preNotifications(id).stream().map(n -> new NoticeJson(n.debtorId(), n.mandateReference(),
                n.collectionDate(), StatementJson.money(n.amount()), n.invoiceIds(), n.sent())).toList();
    }

    @GetMapping("/payment-settings")
    @PreAuthorize("hasAuthority('payments:read')")
    PaymentSettings settings() {
        return settings.current();
    }

    record SettingsRequest(@Nullable Double autoApplyThreshold, @Nullable BigDecimal writeOffTolerance,
                           PaymentSettings.@Nullable Surplus surplus, @Nullable Integer planGraceDays,
                           @Nullable Integer promiseGraceDays, @Nullable Integer instalmentNoticeDays,
                           @Nullable String creditorName, @Nullable String creditorIban, @Nullable String creditorBic,
                           @Nullable String creditorId, @Nullable Integer preNotificationDays) {
    }

    /** Changes the settings; fields left out keep their value. */
    @PutMapping("/payment-settings")
    @PreAuthorize("hasAuthority('settings:manage')")
    PaymentSettings save(@RequestBody SettingsRequest r) {
        PaymentSettings c = settings.current();
        return settings.save(new PaymentSettings(
                r.autoApplyThreshold() == null ? c.autoApplyThreshold() : r.autoApplyThreshold(),
                r.writeOffTolerance() == null ? c.writeOffTolerance() : r.writeOffTolerance(),
                r.surplus() == null ? c.surplus() : r.surplus(),
                r.planGraceDays() == null ? c.planGraceDays() : r.planGraceDays(),
                r.promiseGraceDays() == null ? c.promiseGraceDays() : r.promiseGraceDays(),
                r.instalmentNoticeDays() == null ? c.instalmentNoticeDays() : r.instalmentNoticeDays(),
                r.creditorName() == null ? c.creditorName() : r.creditorName(),
                r.creditorIban() == null ? c.creditorIban() : r.creditorIban(),
                r.creditorBic() == null ? c.creditorBic() : r.creditorBic(),
                r.creditorId() == null ? c.creditorId() : r.creditorId(),
                r.preNotificationDays() == null ? c.preNotificationDays() : r.preNotificationDays()));
    }
}
