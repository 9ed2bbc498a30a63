package io.creditflow.platform;

import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant the current thread works for. The transaction manager copies it into the database setting
 * {@code app.tenant_id} when a transaction begins; row-level security does the rest. Enter it with
 * {@link TenantScope#enter(UUID)}, which also switches a transaction that is already running.
 */
public final class TenantContext {

    /** The chain of platform-level audit entries (operator actions) lives under this id. */
    public static final UUID PLATFORM = new UUID(0, 0);

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant in context: tenant data is only reachable inside a tenant scope");
        }
        return tenant;
    }

    static @Nullable UUID set(@Nullable UUID tenant) {
        UUID previous = CURRENT.get();
        if (tenant == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(tenant);
        }
        return previous;
    }
}
