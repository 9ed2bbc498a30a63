package io.creditflow.portal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * Who is signed in to the portal: one debtor of one tenant, and how they got in. Kept in the HTTP session; every
 * portal query runs in {@code tenantId} and filters on {@code debtorId}.
 */
public record PortalSession(UUID tenantId, UUID debtorId, Method method, Instant since) implements Serializable {

    public static final String ATTRIBUTE = "creditflow.portal.session";

    public enum Method { LINK, CODE }
}
