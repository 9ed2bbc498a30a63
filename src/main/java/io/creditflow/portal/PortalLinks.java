package io.creditflow.portal;

import io.creditflow.dunning.PortalAccess;

import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.PersonalDataVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PORTAL_ACCESS_CODE;

/**
 * How a debtor reaches the portal, for the modules that write to them: a signed, expiring link for every message
 * ({@link #linkFor}) and, for letters and SMS, a short code to type in with a second factor ({@link #codeFor}).
 * <p>
 * The link carries the tenant, the debtor and its expiry, authenticated with HMAC-SHA256 under the tenant's own key
 * from the privacy keyring (the key its blind indexes use, domain-separated by a prefix): nothing is stored per link,
 * and a link of one tenant cannot be turned into one of another. Rotating the tenant's keys invalidates links made
 * before; the short code still works.
 */
@Component
public class PortalLinks implements PortalAccess {

    /** As long as a payment link: a reminder read weeks later still opens the portal. */
    public static final Duration LINK_VALIDITY = Duration.ofDays(60);
    /** A code stays valid this long after the month it was issued in ends. */
    static final int CODE_GRACE_DAYS = 90;
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** Crockford's base32: no I, L, O, U, so a code read aloud or typed from paper is unambiguous. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_LENGTH = 12;
    private static final int PAYLOAD = 40;

    /** A verified link: who it is for and until when. */
    record Claim(UUID tenantId, UUID debtorId, Instant expiresAt) {
    }

    private final PersonalDataVault vault;
    private final org.jooq.DSLContext dsl;
    private final Clock clock;
    private final String baseUrl;

    PortalLinks(PersonalDataVault vault, org.jooq.DSLContext dsl, Clock clock,
                @Value("${creditflow.base-url}") String baseUrl) {
        this.vault = vault;
        this.dsl = dsl;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The debtor's portal link (in the current tenant), valid for {@link #LINK_VALIDITY}. */
    @Override
    public URI linkFor(UUID debtorId) {
        return URI.create(baseUrl + "/portal/t/" + token(TenantContext.require(), debtorId,
                clock.instant().plus(LINK_VALIDITY)));
    }

    /** Where a letter or SMS recipient types the code in. */
    @Override
    public URI codeEntryUrl() {
        return URI.create(baseUrl + "/portal/code");
    }

    /**
     * The debtor's short code for this month, formatted {@code XXXX-XXXX-XXXX} (60 bits). The same all month, so a
     * dunning run that prints it on many letters stores it once.
     */
    @Transactional
    @Override
    public String codeFor(UUID debtorId) {
        YearMonth month = YearMonth.from(LocalDate.now(clock.withZone(ZONE)));
        byte[] mac = vault.digest("portal-code/v1:" + debtorId + ":" + month);
        String code = encode(mac);
        Instant expires = month.atEndOfMonth().plusDays(CODE_GRACE_DAYS + 1L).atStartOfDay(ZONE).toInstant();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // a preview: the same code is stored when a message with it is really sent this month
            return format(code);
        }
        dsl.insertInto(PORTAL_ACCESS_CODE).set(PORTAL_ACCESS_CODE.TENANT_ID, TenantContext.require())
                .set(PORTAL_ACCESS_CODE.CODE_HASH, codeHash(code)).set(PORTAL_ACCESS_CODE.DEBTOR_ID, debtorId)
                .set(PORTAL_ACCESS_CODE.EXPIRES_AT, expires.atOffset(java.time.ZoneOffset.UTC))
                .onConflictDoNothing().execute();
        return format(code);
    }

    /**
     * The short codes of many debtors (a dunning run's batch of letters and SMS), the same as {@link #codeFor} one by
     * one, stored in one statement.
     */
    @Transactional
    @Override
    public java.util.Map<UUID, String> codesFor(java.util.Collection<UUID> debtorIds) {
        YearMonth month = YearMonth.from(LocalDate.now(clock.withZone(ZONE)));
        Instant expires = month.atEndOfMonth().plusDays(CODE_GRACE_DAYS + 1L).atStartOfDay(ZONE).toInstant();
        java.util.Map<UUID, String> codes = new java.util.LinkedHashMap<>();
        debtorIds.forEach(d -> codes.put(d, encode(vault.digest("portal-code/v1:" + d + ":" + month))));
        if (!codes.isEmpty()
                && !org.springframework.transaction.support.TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            dsl.execute("""
                        insert into portal_access_code (tenant_id, code_hash, debtor_id, expires_at)
                        select current_tenant(), u.hash, u.debtor, {2} from unnest({0}::bytea[], {1}::uuid[]) as u(hash, debtor)
                        on conflict do nothing""", codes.values().stream().map(PortalLinks::codeHash).toArray(byte[][]::new),
                        codes.keySet().toArray(UUID[]::new), expires.atOffset(java.time.ZoneOffset.UTC));
        }
        codes.replaceAll((d, code) -> format(code));
        return codes;
    }

    private static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    String token(UUID tenant, UUID debtor, Instant expires) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        payload.putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits())
                .putLong(debtor.getMostSignificantBits()).putLong(debtor.getLeastSignificantBits())
                .putLong(expires.getEpochSecond());
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    /**
     * The token's parts if it is well-formed; the signature is not checked yet ({@link #signatureValid}), because
     * that needs the tenant's key and thus its scope.
     */
    static Optional<Claim> parse(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 120) {
            return Optional.empty();
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            if (b.remaining() != PAYLOAD) {
                return Optional.empty();
            }
            return Optional.of(new Claim(new UUID(b.getLong(), b.getLong()), new UUID(b.getLong(), b.getLong()),
                    Instant.ofEpochSecond(b.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Checks the signature in the claimed tenant's scope, in constant time. */
    boolean signatureValid(String token) {
        int dot = token.indexOf('.');
        try {
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(token.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(String body) {
        return vault.digest("portal-link/v1:" + body);
    }

    static String normaliseCode(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    static byte[] codeHash(String normalised) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("portal-code:" + normalised)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        long bits = ByteBuffer.wrap(bytes).getLong();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            out.append(ALPHABET.charAt((int) (bits >>> (64 - 5 * (i + 1))) & 31));
        }
        return out.toString();
    }
}
