package io.creditflow.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.platform.TenantScope;
import io.creditflow.tenancy.Tenants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs a debtor in to the portal: with a link from a message, or with the short code from a letter or SMS plus a
 * second factor (a postcode of theirs or the number of one of their invoices). Rate limited per client address and
 * per code (in memory, per node: a cluster of n nodes allows n times as many tries). Every refusal looks the same, so
 * a caller learns nothing about which part was wrong.
 */
@Component
public class PortalAccess {

    /** Why a sign-in was refused: the page says only "not valid" or "too many attempts". */
    public enum Refusal { INVALID, THROTTLED }

    /** A session, or the refusal. */
    public record Outcome(Optional<PortalSession> session, Optional<Refusal> refusal) {
        static Outcome ok(PortalSession s) {
            return new Outcome(Optional.of(s), Optional.empty());
        }

        static Outcome refused(Refusal r) {
            return new Outcome(Optional.empty(), Optional.of(r));
        }
    }

    private final PortalLinks links;
    private final TenantScope tenantScope;
    private final Tenants tenants;
    private final PortalDebtors debtors;
    private final AuditLog audit;
    private final Clock clock;
    private final int perIp;
    private final int perCode;
    private final Cache<String, Bucket> ipBuckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(15))
            .maximumSize(200_000).build();
    private final Cache<String, Bucket> codeBuckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(45)).maximumSize(200_000).build();

    PortalAccess(PortalLinks links, TenantScope tenantScope, Tenants tenants, PortalDebtors debtors, AuditLog audit,
                 Clock clock, @Value("${creditflow.portal.sign-ins-per-ip:20}") int perIp,
                 @Value("${creditflow.portal.attempts-per-code:5}") int perCode) {
        this.links = links;
        this.tenantScope = tenantScope;
        this.tenants = tenants;
        this.debtors = debtors;
        this.audit = audit;
        this.clock = clock;
        this.perIp = perIp;
        this.perCode = perCode;
    }

    /** A link from a message: valid when its signature checks out, it has not expired and the debtor exists. */
    public Outcome withLink(String token, String clientAddress) {
        if (!ipBucket(clientAddress).tryConsume(1)) {
            return Outcome.refused(Refusal.THROTTLED);
        }
        var claim = PortalLinks.parse(token).filter(c -> c.expiresAt().isAfter(clock.instant()));
        if (claim.isEmpty() || !tenantActive(claim.get().tenantId())) {
            return Outcome.refused(Refusal.INVALID);
        }
        UUID tenant = claim.get().tenantId();
        UUID debtor = claim.get().debtorId();
        boolean ok = tenantScope.inTenant(tenant, () -> {
            // the debtor must exist in that tenant before its key is touched (no key is made for a made-up tenant)
            if (!debtors.exists(debtor) || !links.signatureValid(token)) {
                return false;
            }
            audit.record(AuditEvent.of("portal.signed-in", "debtor", debtor).subject(debtor).detail("method", "link"));
            return true;
        });
        return ok ? Outcome.ok(new PortalSession(tenant, debtor, PortalSession.Method.LINK, clock.instant()))
                : Outcome.refused(Refusal.INVALID);
    }

    /** The short code plus a postcode or invoice number of the debtor's. */
    public Outcome withCode(String code, String secondFactor, String clientAddress) {
        String normalised = PortalLinks.normaliseCode(code);
        if (!ipBucket(clientAddress).tryConsume(1)) {
            return Outcome.refused(Refusal.THROTTLED);
        }
        byte[] hash = PortalLinks.codeHash(normalised);
        if (!codeBuckets.get(HexFormat.of().formatHex(hash), k -> bucket(perCode, Duration.ofMinutes(30)))
                .tryConsume(1)) {
            return Outcome.refused(Refusal.THROTTLED);
        }
        var found = debtors.findCode(hash);
        if (found.isEmpty() || found.get().expiresAt().isBefore(OffsetDateTime.now(clock))
                || !"ACTIVE".equals(found.get().tenantStatus()) || secondFactor.isBlank()) {
            return Outcome.refused(Refusal.INVALID);
        }
        UUID tenant = found.get().tenantId();
        UUID debtor = found.get().debtorId();
        boolean ok = tenantScope.inTenant(tenant, () -> {
            boolean matches = debtors.secondFactorMatches(debtor, secondFactor);
            audit.record(AuditEvent.of(matches ? "portal.signed-in" : "portal.sign-in-refused", "debtor", debtor)
                    .subject(debtor).detail("method", "code"));
            return matches;
        });
        return ok ? Outcome.ok(new PortalSession(tenant, debtor, PortalSession.Method.CODE, clock.instant()))
                : Outcome.refused(Refusal.INVALID);
    }

    private boolean tenantActive(UUID tenant) {
        try {
            return "ACTIVE".equals(tenants.find(tenant).status());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Bucket ipBucket(String clientAddress) {
        return ipBuckets.get(clientAddress.toLowerCase(Locale.ROOT), k -> bucket(perIp, Duration.ofMinutes(10)));
    }

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }
}
