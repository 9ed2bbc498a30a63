package io.creditflow.privacy.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.SUBJECT_KEY;

/**
 * One AES-256-GCM key per data subject (debtor), wrapped by the tenant's primary AEAD. Destroying it makes every
 * ciphertext of that person unreadable, wherever a copy of it lives. Unwrapped keys are cached for at most a minute,
 * so a key destroyed on one node stops working on every node within that time.
 */
@Component
public class SubjectKeyring {

    private static final Duration CACHE_TTL = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final TenantKeyring tenantKeys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<Ref, Optional<Aead>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL).maximumSize(100_000).build();

    private final JdbcClient jdbc;

    SubjectKeyring(DSLContext dsl, TenantKeyring tenantKeys, Clock clock, JdbcClient jdbc) {
        this.dsl = dsl;
        this.jdbc = jdbc;
        this.tenantKeys = tenantKeys;
        this.clock = clock;
    }

    private record Ref(UUID tenant, UUID subject) {
    }

    /** The subject's key, created if it never existed; empty if it was destroyed (the person was erased). */
    public Optional<Aead> keyFor(UUID tenant, UUID subject) {
        Ref ref = new Ref(tenant, subject);
        Optional<Aead> cached = cache.getIfPresent(ref);
        if (cached != null) {
            return cached;
        }
        Optional<Aead> key = load(tenant, subject);
        if (key.isEmpty() && !isDestroyed(tenant, subject)) {
            createAll(tenant, List.of(subject));
            key = load(tenant, subject);
        }
        cache.put(ref, key);
        return key;
    }

    /**
     * Makes the keys of many subjects ready in two statements (imports): existing ones are loaded and unwrapped,
     * missing ones created; all end up in the cache.
     */
    public void prepare(UUID tenant, Collection<UUID> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        TenantKeyring.Keys keys = tenantKeys.keys(tenant);
        Set<UUID> known = new HashSet<>();
        for (var r : dsl.select(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.TENANT_KEY_VERSION, SUBJECT_KEY.WRAPPED_KEYSET)
                .from(SUBJECT_KEY).where(SUBJECT_KEY.TENANT_ID.eq(tenant)).and(SUBJECT_KEY.SUBJECT_ID.in(subjects))
                .fetch()) {
            known.add(r.value1());
            cache.put(new Ref(tenant, r.value1()), r.value3() == null ? Optional.empty()
                    : Optional.of(unwrap(keys, tenant, r.value1(), r.value2(), r.value3())));
        }
        List<UUID> missing = new ArrayList<>();
        for (UUID s : subjects) {
            if (!known.contains(s)) {
                missing.add(s);
            }
        }
        createAll(tenant, missing);
    }

    /**
     * Creates keys for subjects the caller has just minted (fresh random ids, so none can exist or have been destroyed):
     * one statement, no look-up first. A subject id that does exist after all is left alone (insert does nothing).
     */
    public void createNew(UUID tenant, Collection<UUID> subjects) {
        createAll(tenant, List.copyOf(subjects));
    }

    public void destroy(UUID tenant, UUID subject) {
        dsl.insertInto(SUBJECT_KEY).set(SUBJECT_KEY.TENANT_ID, tenant).set(SUBJECT_KEY.SUBJECT_ID, subject)
                .set(SUBJECT_KEY.TENANT_KEY_VERSION, 0).set(SUBJECT_KEY.DESTROYED_AT, OffsetDateTime.now(clock))
                .onConflict(SUBJECT_KEY.TENANT_ID, SUBJECT_KEY.SUBJECT_ID).doUpdate()
                .set(SUBJECT_KEY.WRAPPED_KEYSET, (byte[]) null)
                .set(SUBJECT_KEY.DESTROYED_AT, OffsetDateTime.now(clock)).execute();
        cache.invalidate(new Ref(tenant, subject));
    }

    /** Re-wraps the subject keys still wrapped under an older tenant key version (tenant key rotation). */
    public int rewrap(UUID tenant, int batchSize) throws GeneralSecurityException {
        TenantKeyring.Keys keys = tenantKeys.keys(tenant);
        var rows = dsl.select(SUBJECT_KEY.SUBJECT_ID, SUBJECT_KEY.TENANT_KEY_VERSION, SUBJECT_KEY.WRAPPED_KEYSET)
                .from(SUBJECT_KEY).where(SUBJECT_KEY.TENANT_ID.eq(tenant))
                .and(SUBJECT_KEY.WRAPPED_KEYSET.isNotNull())
                .and(SUBJECT_KEY.TENANT_KEY_VERSION.ne(keys.primaryVersion()))
                .limit(batchSize).forUpdate().skipLocked().fetch();
        for (Record3<UUID, Integer, byte[]> r : rows) {
            byte[] raw = keys.aeadByVersion().get(r.value2()).decrypt(r.value3(), ad(tenant, r.value1()));
            dsl.update(SUBJECT_KEY).set(SUBJECT_KEY.WRAPPED_KEYSET, keys.primary().encrypt(raw, ad(tenant, r.value1())))
                    .set(SUBJECT_KEY.TENANT_KEY_VERSION, keys.primaryVersion())
                    .where(SUBJECT_KEY.TENANT_ID.eq(tenant)).and(SUBJECT_KEY.SUBJECT_ID.eq(r.value1())).execute();
        }
        return rows.size();
    }

    /** Constant statements here and in {@link #createAll}: a credit check passes through both. */
    private Optional<Aead> load(UUID tenant, UUID subject) {
        return jdbc.sql("""
                        select tenant_key_version, wrapped_keyset from subject_key
                         where tenant_id = ? and subject_id = ? and wrapped_keyset is not null""")
                .param(tenant).param(subject)
                .query((rs, n) -> unwrap(tenantKeys.keys(tenant), tenant, subject, rs.getInt(1), rs.getBytes(2)))
                .optional();
    }

    private static Aead unwrap(TenantKeyring.Keys keys, UUID tenant, UUID subject, int version, byte[] wrapped) {
        try {
            return new AesGcmJce(keys.aeadByVersion().get(version).decrypt(wrapped, ad(tenant, subject)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unwrap the key of subject " + subject, e);
        }
    }

    private boolean isDestroyed(UUID tenant, UUID subject) {
        return dsl.fetchExists(SUBJECT_KEY, SUBJECT_KEY.TENANT_ID.eq(tenant).and(SUBJECT_KEY.SUBJECT_ID.eq(subject))
                .and(SUBJECT_KEY.DESTROYED_AT.isNotNull()));
    }

    private void createAll(UUID tenant, List<UUID> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        TenantKeyring.Keys keys = tenantKeys.keys(tenant);
        List<Ref> created = new ArrayList<>();
        List<Aead> aeads = new ArrayList<>();
        byte[][] wrapped = new byte[subjects.size()][];
        try {
            for (int i = 0; i < subjects.size(); i++) {
                UUID subject = subjects.get(i);
                byte[] raw = new byte[32];
                random.nextBytes(raw);
                wrapped[i] = keys.primary().encrypt(raw, ad(tenant, subject));
                created.add(new Ref(tenant, subject));
                aeads.add(new AesGcmJce(raw));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        int inserted = jdbc.sql("""
                        insert into subject_key (tenant_id, subject_id, tenant_key_version, wrapped_keyset)
                        select ?, s, ?, w from unnest(?::uuid[], ?::bytea[]) as t (s, w)
                        on conflict do nothing""")
                .param(tenant).param(keys.primaryVersion()).param(subjects.toArray(UUID[]::new)).param(wrapped)
                .update();
        if (inserted == subjects.size()) {
            for (int i = 0; i < created.size(); i++) {
                cache.put(created.get(i), Optional.of(aeads.get(i)));
            }
        }
    }

    private static byte[] ad(UUID tenant, UUID subject) {
        return ("creditflow/subject-key/" + tenant + "/" + subject).getBytes(StandardCharsets.UTF_8);
    }
}
