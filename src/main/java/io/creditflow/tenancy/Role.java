package io.creditflow.tenancy;

import java.util.EnumSet;
import java.util.Set;

import static io.creditflow.tenancy.Permission.*;

/**
 * Console roles. Tenant roles never include {@link Permission#PLATFORM_OPERATE}; the operator has nothing else, so
 * it manages tenants without any permission on (or database visibility of) their debtors.
 */
public enum Role {
    OWNER(EnumSet.complementOf(EnumSet.of(PLATFORM_OPERATE))),
    ADMIN(EnumSet.complementOf(EnumSet.of(PLATFORM_OPERATE))),
    CREDIT_MANAGER(EnumSet.of(RECEIVABLES_READ, RECEIVABLES_WRITE, DUNNING_READ, DUNNING_MANAGE, PAYMENTS_READ,
            PAYMENTS_WRITE, CHECKS_PERFORM, CHECKS_READ, CHECKS_REVIEW, POLICY_MANAGE, SCORING_READ, SCORING_MANAGE,
            COLLECTION_READ, COLLECTION_WRITE, COLLECTION_APPROVE, CALCULATIONS, PORTAL_MANAGE, PORTAL_MESSAGES)),
    COLLECTOR(EnumSet.of(RECEIVABLES_READ, DUNNING_READ, PAYMENTS_READ, PAYMENTS_WRITE, CHECKS_READ, SCORING_READ,
            COLLECTION_READ, COLLECTION_WRITE, CALCULATIONS, PORTAL_MESSAGES)),
    VIEWER(EnumSet.of(RECEIVABLES_READ, DUNNING_READ, PAYMENTS_READ, CHECKS_READ, SCORING_READ, COLLECTION_READ,
            CALCULATIONS)),
    /** Reads and verifies the audit log and privacy registers; sees no debtor data. */
    AUDITOR(EnumSet.of(AUDIT_READ)),
    OPERATOR(EnumSet.of(PLATFORM_OPERATE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean isTenantRole() {
        return this != OPERATOR;
    }
}
