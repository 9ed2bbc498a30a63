package io.creditflow.audit.web;

import io.creditflow.audit.AuditSealer;
import io.creditflow.audit.AuditTrail;
import io.creditflow.audit.AuditVerification;
import io.creditflow.audit.AuditVerifier;
import io.creditflow.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the calling tenant's audit chain (sealing what is pending first) and names the first broken link. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditVerifier verifier;
    private final AuditSealer sealer;
    private final AuditExports exports;

    AuditController(AuditVerifier verifier, AuditSealer sealer, AuditExports exports) {
        this.verifier = verifier;
        this.sealer = sealer;
        this.exports = exports;
    }

    /** The log itself, streamed as JSON (default) or CSV, optionally filtered by time, action prefix, subject, actor. */
    @GetMapping("/entries")
    @PreAuthorize("hasAuthority('audit:read')")
    ResponseEntity<StreamingResponseBody> entries(@RequestParam(required = false) @Nullable OffsetDateTime from,
                                                  @RequestParam(required = false) @Nullable OffsetDateTime to,
                                                  @RequestParam(required = false) @Nullable String action,
                                                  @RequestParam(required = false) @Nullable UUID subjectId,
                                                  @RequestParam(required = false) @Nullable String actor,
                                                  @RequestParam(defaultValue = "json") String format) {
        if (!"json".equalsIgnoreCase(format) && !"csv".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("format must be json or csv");
        }
        return exports.download(TenantContext.require(), new AuditTrail.Filter(from, to, action, subjectId, actor),
                format);
    }

    @GetMapping("/verification")
    @PreAuthorize("hasAuthority('audit:read')")
    AuditVerification verify() {
        sealer.seal(TenantContext.require());
        return verifier.verify(TenantContext.require());
    }
}
