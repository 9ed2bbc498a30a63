package io.creditflow.tenancy;

/**
 * What a user or API key may do. Endpoints check these authorities ({@code @PreAuthorize("hasAuthority('...')")});
 * roles are bundles of them, API keys carry a chosen subset as scopes.
 */
public enum Permission {
    RECEIVABLES_READ("receivables:read"),
    RECEIVABLES_WRITE("receivables:write"),
    DUNNING_READ("dunning:read"),
    DUNNING_MANAGE("dunning:manage"),
    PAYMENTS_READ("payments:read"),
    PAYMENTS_WRITE("payments:write"),
    CHECKS_PERFORM("checks:perform"),
    CHECKS_READ("checks:read"),
    CHECKS_REVIEW("checks:review"),
    POLICY_MANAGE("policy:manage"),
    SCORING_READ("scoring:read"),
    SCORING_MANAGE("scoring:manage"),
    COLLECTION_READ("collection:read"),
    COLLECTION_WRITE("collection:write"),
    /** Approves a collector's hand-off of a case to a bailiff or agency (four eyes). */
    COLLECTION_APPROVE("collection:approve"),
    /** Configures the tenant's webhook endpoints, reads their delivery log and replays deliveries. */
    WEBHOOKS_MANAGE("webhooks:manage"),
    /** Debtor portal: branding, texts and the plans a debtor may arrange there. */
    PORTAL_MANAGE("portal:manage"),
    /** Debtor portal: read and answer debtors' messages. */
    PORTAL_MESSAGES("portal:messages"),
    CALCULATIONS("calculations"),
    PRIVACY_MANAGE("privacy:manage"),
    AUDIT_READ("audit:read"),
    USERS_MANAGE("users:manage"),
    API_KEYS_MANAGE("api-keys:manage"),
    SETTINGS_MANAGE("settings:manage"),
    PLATFORM_OPERATE("platform:operate");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }

    public static Permission ofAuthority(String authority) {
        for (Permission p : values()) {
            if (p.authority.equals(authority)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + authority + "'");
    }
}
