package io.creditflow.audit.web;

import io.creditflow.audit.AuditSealer;
import io.creditflow.audit.AuditVerification;
import io.creditflow.audit.AuditVerifier;
import io.creditflow.platform.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the calling tenant's audit chain (sealing what is pending first) and names the first broken link. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditVerifier verifier;
    private final AuditSealer sealer;

    AuditController(AuditVerifier verifier, AuditSealer sealer) {
        this.verifier = verifier;
        this.sealer = sealer;
    }

    @GetMapping("/verification")
    @PreAuthorize("hasAuthority('audit:read')")
    AuditVerification verify() {
        sealer.seal(TenantContext.require());
        return verifier.verify(TenantContext.require());
    }
}
