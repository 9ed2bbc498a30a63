package io.creditflow.privacy.web;

import io.creditflow.privacy.Contests;
import io.creditflow.privacy.RectifiableField;
import io.creditflow.privacy.Restrictions;
import io.creditflow.privacy.documents.PrivacyDocuments;
import io.creditflow.privacy.rights.AccessExports;
import io.creditflow.privacy.rights.Contributors;
import io.creditflow.privacy.rights.Erasures;
import io.creditflow.privacy.rights.Rectifications;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.ValidationException;
import io.creditflow.platform.BusinessRuleException.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Data-subject rights for one debtor, on the tenant's instruction (permission {@code privacy:manage}). */
@RestController
@RequestMapping("/api/v1/privacy")
@PreAuthorize("hasAuthority('privacy:manage')")
class DataSubjectRightsController {

    private final AccessExports exports;
    private final PrivacyDocuments documents;
    private final Erasures erasures;
    private final Restrictions restrictions;
    private final Rectifications rectifications;
    private final Contests contests;
    private final Contributors contributors;
    private final JsonMapper json;
    private final io.creditflow.audit.AuditLog audit;

    DataSubjectRightsController(io.creditflow.audit.AuditLog audit, AccessExports exports, PrivacyDocuments documents, Erasures erasures,
                                Restrictions restrictions, Rectifications rectifications, Contests contests,
                                Contributors contributors, JsonMapper json) {
        this.exports = exports;
        this.documents = documents;
        this.erasures = erasures;
        this.restrictions = restrictions;
        this.rectifications = rectifications;
        this.contests = contests;
        this.contributors = contributors;
        this.json = json;
        this.audit = audit;
    }

    /** The access export (art. 15/20) as JSON; with requestId it completes that access request. */
    @GetMapping(value = "/debtors/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> export(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID requestId) {
        return exports.export(id, requestId);
    }

    @GetMapping(value = "/debtors/{id}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID requestId,
                                     @RequestParam(defaultValue = "nl") String lang) {
        byte[] pdf = documents.accessExport(exports.export(id, requestId), Locale.forLanguageTag(lang));
        return Downloads.pdf(pdf, "access-export-" + id + ".pdf");
    }

    record ErasureRequest(@Nullable UUID requestId) {
    }

    /** Erases the debtor; answers the certificate (JSON without personal data). */
    @PostMapping("/debtors/{id}/erasure")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> erase(@PathVariable UUID id, @RequestBody(required = false) @Nullable ErasureRequest body) {
        Erasures.Erasure e = erasures.erase(id, body == null ? null : body.requestId(), Erasures.Reason.REQUEST);
        return certificate(e);
    }

    @GetMapping("/debtors/{id}/erasure")
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    Map<String, Object> erasureOf(@PathVariable UUID id) {
        return certificate(erasures.find(id).orElseThrow(() -> new NotFoundException("Erasure of debtor", id)));
    }

    @GetMapping("/erasures/{certificateId}")
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    Map<String, Object> certificate(@PathVariable UUID certificateId) {
        return certificate(erasures.get(certificateId));
    }

    @GetMapping(value = "/erasures/{certificateId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'audit:read')")
    ResponseEntity<byte[]> certificatePdf(@PathVariable UUID certificateId,
                                          @RequestParam(defaultValue = "nl") String lang) {
        Erasures.Erasure e = erasures.get(certificateId);
        @SuppressWarnings("unchecked")
        Map<String, Object> content = json.readValue(e.latestCertificate(), Map.class);
        return Downloads.pdf(documents.erasureCertificate(content, e.latestSha256(), Locale.forLanguageTag(lang)),
                "erasure-certificate-" + certificateId + ".pdf");
    }

    record RestrictionRequest(@Nullable String reason, @Nullable UUID requestId) {
    }

    @PostMapping("/debtors/{id}/restriction")
    @Transactional
    Map<String, Object> restrict(@PathVariable UUID id, @RequestBody RestrictionRequest body) {
        requireDebtor(id);
        restrictions.restrict(id, reason(body.reason()), body.requestId());
        return Map.of("debtorId", id, "restricted", true);
    }

    @DeleteMapping("/debtors/{id}/restriction")
    @Transactional
    Map<String, Object> lift(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason) {
        requireDebtor(id);
        restrictions.lift(id, reason(reason));
        return Map.of("debtorId", id, "restricted", false);
    }

    @GetMapping("/debtors/{id}/restriction")
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'receivables:read')")
    Map<String, Object> restriction(@PathVariable UUID id) {
        requireDebtor(id);
        return Map.of("debtorId", id, "restricted", restrictions.isRestricted(id));
    }

    @GetMapping("/debtors/{id}/rectifiable-fields")
    Map<String, List<RectifiableField>> fields(@PathVariable UUID id) {
        return rectifications.fields(id);
    }

    record RectificationRequest(@Nullable String section, @Nullable Map<String, String> values,
                                @Nullable String reason, @Nullable UUID requestId) {
    }

    @PostMapping("/debtors/{id}/rectifications")
    @ResponseStatus(HttpStatus.CREATED)
    Rectifications.Rectification rectify(@PathVariable UUID id, @RequestBody RectificationRequest body) {
        if (body.section() == null || body.values() == null || body.values().isEmpty()) {
            throw new ValidationException("A rectification names its section and the new values.",
                    List.of(new FieldError(body.section() == null ? "section" : "values", "required")));
        }
        return rectifications.rectify(id, body.section(), body.values(), body.reason() == null ? "" : body.reason(),
                body.requestId());
    }

    @GetMapping("/debtors/{id}/rectifications")
    List<Rectifications.Rectification> rectificationHistory(@PathVariable UUID id) {
        requireDebtor(id);
        audit.record(io.creditflow.audit.AuditEvent.of("debtor.read", "debtor", id).subject(id)
                .purpose("rectification history"));
        return rectifications.history(id);
    }

    record ContestRequest(@Nullable String section, @Nullable String field, @Nullable String statement,
                          @Nullable UUID requestId) {
    }

    @PostMapping("/debtors/{id}/contests")
    @ResponseStatus(HttpStatus.CREATED)
    Contests.Contest contest(@PathVariable UUID id, @RequestBody ContestRequest body) {
        requireDebtor(id);
        return contests.contest(id, body.section() == null ? "receivables.debtor" : body.section(),
                body.field() == null ? "" : body.field(), body.statement(), body.requestId());
    }

    @GetMapping("/debtors/{id}/contests")
    @PreAuthorize("hasAnyAuthority('privacy:manage', 'receivables:read')")
    List<Contests.Contest> contests(@PathVariable UUID id) {
        requireDebtor(id);
        return contests.openFor(id);
    }

    record Resolution(Contests.@Nullable Resolution resolution) {
    }

    @PostMapping("/contests/{contestId}/resolution")
    Map<String, Object> resolve(@PathVariable UUID contestId, @RequestBody Resolution body) {
        if (body.resolution() == null) {
            throw new ValidationException("A resolution is RECTIFIED, UPHELD or WITHDRAWN.",
                    List.of(new FieldError("resolution", "required")));
        }
        contests.resolve(contestId, body.resolution());
        return Map.of("id", contestId, "resolution", body.resolution());
    }

    private void requireDebtor(UUID id) {
        if (!contributors.exists(id)) {
            throw new NotFoundException("Debtor", id);
        }
    }

    private static String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new ValidationException("A reason is required.", List.of(new FieldError("reason", "1 to 500 "
                    + "characters")));
        }
        return reason.trim();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> certificate(Erasures.Erasure e) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", e.id());
        m.put("debtorId", e.debtorId());
        m.put("status", e.status());
        m.put("sha256", e.latestSha256());
        m.put("certificate", json.readValue(e.latestCertificate(), Map.class));
        if (e.finalCertificate() != null) {
            m.put("initialCertificate", json.readValue(e.certificate(), Map.class));
            m.put("initialSha256", e.sha256());
        }
        return m;
    }

    static final class Downloads {
        private Downloads() {
        }

        static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename)
                            .build().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
        }
    }
}
