package io.creditflow.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.UUID;

/**
 * Who is acting: a console user, an API key, the platform operator, a debtor in the portal, or the system itself
 * (jobs). Recorded in the audit log with every change and every read of personal data.
 */
public record Actor(Type type, String id, String name, @Nullable UUID tenantId) {

    public enum Type { USER, API_KEY, OPERATOR, DEBTOR, SYSTEM }

    public static final Actor SYSTEM = new Actor(Type.SYSTEM, "system", "Creditflow", null);

    /** Implemented by the authenticated principals so that any module can tell who acts without knowing them. */
    public interface Principal {
        Actor actor();
    }

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Principal principal) {
            return principal.actor();
        }
        return SYSTEM;
    }
}
