package io.creditflow.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.creditflow.jooq.Tables.API_KEY;

/**
 * API keys for machine clients: 256 random bits, shown once when issued, stored as a SHA-256 hash, scoped to a subset
 * of permissions, revocable. Successful lookups are cached for a few seconds so that a busy client (thousands of
 * credit checks a second) does not cost a database round trip per request; revocation clears this node's cache at
 * once and other nodes' within {@link #CACHE_TTL}.
 */
@Component
public class ApiKeys {

    public static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String PREFIX = "cf_";

    private final DSLContext dsl;
    private final AuditLog audit;
    private final TenantScope tenantScope;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Authenticated> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL).maximumSize(10_000).build();
    private final ConcurrentHashMap<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiKeys(DSLContext dsl, AuditLog audit, TenantScope tenantScope, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.tenantScope = tenantScope;
        this.clock = clock;
    }

    /** The key in clear, returned exactly once. */
    public record IssuedKey(UUID id, String name, String key, Set<String> scopes) {
    }

    public record KeyInfo(UUID id, String name, String prefix, Set<String> scopes, OffsetDateTime createdAt,
                          @Nullable String createdBy, @Nullable OffsetDateTime revokedAt,
                          @Nullable OffsetDateTime lastUsedAt, @Nullable Integer rateLimitPerSecond) {
    }

    /** A key that authenticated: its tenant, scopes and own rate limit (null: the platform default). */
    public record Authenticated(UUID tenantId, UUID keyId, String name, Set<String> scopes, byte[] hash,
                                @Nullable Integer rateLimitPerSecond) {
    }

    /** Issues a key in the current tenant. Scopes are permission authorities, e.g. {@code receivables:read}. */
    @Transactional
    public IssuedKey issue(String name, Set<String> scopes, String createdBy) {
        return issue(name, scopes, createdBy, null);
    }

    /** Issues a key with its own rate limit (requests per second; null: the platform default). */
    @Transactional
    public IssuedKey issue(String name, Set<String> scopes, String createdBy, @Nullable Integer rateLimitPerSecond) {
        checkRateLimit(rateLimitPerSecond);
        Set<String> checked = checkScopes(scopes);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = insert(name, key, checked, createdBy);
        if (rateLimitPerSecond != null) {
            dsl.update(API_KEY).set(API_KEY.RATE_LIMIT_PER_SECOND, rateLimitPerSecond).where(API_KEY.ID.eq(id))
                    .execute();
        }
        audit.record(AuditEvent.of("api-key.issued", "api-key", id).detail("scopes", checked.toString())
                .detail("rateLimitPerSecond", rateLimitPerSecond == null ? "default" : rateLimitPerSecond));
        return new IssuedKey(id, name, key, checked);
    }

    /** Changes a key's rate limit (null: back to the platform default); other nodes see it within the cache TTL. */
    @Transactional
    public void changeRateLimit(UUID id, @Nullable Integer rateLimitPerSecond) {
        checkRateLimit(rateLimitPerSecond);
        if (dsl.update(API_KEY).set(API_KEY.RATE_LIMIT_PER_SECOND, rateLimitPerSecond).where(API_KEY.ID.eq(id))
                .execute() == 0) {
            throw new NotFoundException("API key", id);
        }
        cache.asMap().values().removeIf(a -> a.keyId().equals(id));
        audit.record(AuditEvent.of("api-key.rate-limit-changed", "api-key", id)
                .detail("rateLimitPerSecond", rateLimitPerSecond == null ? "default" : rateLimitPerSecond));
    }

    private static void checkRateLimit(@Nullable Integer rateLimitPerSecond) {
        if (rateLimitPerSecond != null && (rateLimitPerSecond < 1 || rateLimitPerSecond > 1_000_000)) {
            throw new BusinessRuleException("invalid-rate-limit", "A rate limit is 1 to 1000000 requests per second.",
                    List.of(new BusinessRuleException.FieldError("rateLimitPerSecond", "1 to 1000000")));
        }
    }

    /**
     * Makes sure the tenant has exactly this key under this name (for {@code creditflow.demo.api-key}): a different
     * key previously configured under the name is revoked.
     */
    public void ensureConfigured(UUID tenantId, String name, String key, Set<String> scopes) {
        if (!key.startsWith(PREFIX) || key.length() < 24) {
            throw new IllegalArgumentException("A configured API key must start with '" + PREFIX
                    + "' and have at least 24 characters");
        }
        tenantScope.inTenant(tenantId, () -> {
            byte[] hash = sha256(key);
            boolean present = dsl.fetchExists(API_KEY, API_KEY.KEY_HASH.eq(hash).and(API_KEY.REVOKED_AT.isNull()));
            if (present) {
                return;
            }
            dsl.update(API_KEY).set(API_KEY.REVOKED_AT, OffsetDateTime.now(clock))
                    .where(API_KEY.NAME.eq(name)).and(API_KEY.REVOKED_AT.isNull()).execute();
            dsl.deleteFrom(API_KEY).where(API_KEY.KEY_HASH.eq(hash)).execute();
            UUID id = insert(name, key, checkScopes(scopes), "configuration");
            audit.record(AuditEvent.of("api-key.configured", "api-key", id));
        });
    }

    @Transactional(readOnly = true)
    public List<KeyInfo> list() {
        return dsl.selectFrom(API_KEY).orderBy(API_KEY.CREATED_AT.desc()).fetch().map(r -> new KeyInfo(r.getId(),
                r.getName(), r.getPrefix(), Set.of(r.getScopes()), r.getCreatedAt(), r.getCreatedBy(),
                r.getRevokedAt(), r.getLastUsedAt(), r.getRateLimitPerSecond()));
    }

    @Transactional
    public void revoke(UUID id) {
        var key = dsl.selectFrom(API_KEY).where(API_KEY.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("API key", id));
        dsl.update(API_KEY).set(API_KEY.REVOKED_AT, OffsetDateTime.now(clock)).where(API_KEY.ID.eq(id))
                .and(API_KEY.REVOKED_AT.isNull()).execute();
        cache.asMap().values().removeIf(a -> a.keyId().equals(key.getId()));
        audit.record(AuditEvent.of("api-key.revoked", "api-key", id));
    }

    /** Forgets this node's cached keys of a tenant (suspended, deleted); other nodes follow within the cache TTL. */
    public void evictTenant(UUID tenantId) {
        cache.asMap().values().removeIf(a -> a.tenantId().equals(tenantId));
    }

    /** Looks a presented key up; empty when unknown, revoked, or its tenant is not active. */
    public Optional<Authenticated> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        String cacheKey = Base64.getEncoder().encodeToString(sha256(presented));
        Authenticated cached = cache.getIfPresent(cacheKey);
        if (cached != null) {
            touch(cached);
            return Optional.of(cached);
        }
        byte[] hash = sha256(presented);
        Optional<Authenticated> found = dsl.resultQuery("select * from auth_find_api_key({0})", hash).fetchOptional()
                .filter(r -> r.get("revoked_at") == null && "ACTIVE".equals(r.get("tenant_status", String.class)))
                .map(r -> new Authenticated(r.get("tenant_id", UUID.class), r.get("key_id", UUID.class),
                        r.get("name", String.class), Set.of(r.get("scopes", String[].class)), hash,
                        r.get("rate_limit_per_second", Integer.class)));
        found.ifPresent(a -> {
            cache.put(cacheKey, a);
            touch(a);
        });
        return found;
    }

    /** Records last use at most once a minute per key per node: a timestamp is not worth a write per request. */
    private void touch(Authenticated key) {
        Instant now = clock.instant();
        Instant previous = lastTouched.get(key.keyId());
        if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
            lastTouched.put(key.keyId(), now);
            dsl.resultQuery("select auth_touch_api_key({0})", key.hash()).fetch();
        }
    }

    private UUID insert(String name, String key, Set<String> scopes, String createdBy) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(API_KEY).set(API_KEY.TENANT_ID, TenantContext.require()).set(API_KEY.ID, id)
                .set(API_KEY.NAME, name).set(API_KEY.PREFIX, key.substring(0, 10))
                .set(API_KEY.KEY_HASH, sha256(key)).set(API_KEY.SCOPES, scopes.toArray(String[]::new))
                .set(API_KEY.CREATED_BY, createdBy).execute();
        return id;
    }

    private static Set<String> checkScopes(Set<String> scopes) {
        if (scopes.isEmpty()) {
            throw new BusinessRuleException("invalid-scopes", "An API key needs at least one scope.",
                    List.of(new BusinessRuleException.FieldError("scopes", "empty")));
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String scope : scopes) {
            Permission p = Permission.ofAuthority(scope);
            if (p == Permission.PLATFORM_OPERATE) {
                throw new BusinessRuleException("invalid-scopes", "API keys cannot operate the platform.",
                        List.of(new BusinessRuleException.FieldError("scopes", "platform:operate not allowed")));
            }
            checked.add(p.authority());
        }
        return checked;
    }

    /** All tenant permissions: what the demo key and a tenant owner's "full access" key get. */
    public static Set<String> allTenantScopes() {
        Set<String> all = new LinkedHashSet<>();
        for (Permission p : Permission.values()) {
            if (p != Permission.PLATFORM_OPERATE) {
                all.add(p.authority());
            }
        }
        return all;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
