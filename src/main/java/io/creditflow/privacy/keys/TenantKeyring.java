package io.creditflow.privacy.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.TENANT_KEY;

/**
 * A tenant's keys: AEAD keysets by version (the primary wraps new subject keys; older versions still unwrap until
 * rotation has re-wrapped everything) and the PRF keyset for blind indexes. Created on first use. Unwrapped keys are
 * cached briefly in memory, never written anywhere unwrapped.
 */
@Component
public class TenantKeyring {

    private final DSLContext dsl;
    private final MasterKey masterKey;
    private final TenantScope tenantScope;
    private final Cache<UUID, Keys> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    TenantKeyring(DSLContext dsl, MasterKey masterKey, TenantScope tenantScope) {
        this.dsl = dsl;
        this.masterKey = masterKey;
        this.tenantScope = tenantScope;
    }

    public record Keys(int primaryVersion, Map<Integer, Aead> aeadByVersion, PrfSet prf) {
        public Aead primary() {
            return aeadByVersion.get(primaryVersion);
        }
    }

    public Keys keys(UUID tenant) {
        return cache.get(tenant, t -> TransactionSynchronizationManager.isActualTransactionActive()
                ? loadOrCreate(t) : tenantScope.inTenant(t, () -> loadOrCreate(t)));
    }

    public void evict(UUID tenant) {
        cache.invalidate(tenant);
    }

    private Keys loadOrCreate(UUID tenant) {
        var rows = dsl.selectFrom(TENANT_KEY).where(TENANT_KEY.TENANT_ID.eq(tenant)).fetch();
        if (rows.isEmpty()) {
            create(tenant);
            rows = dsl.selectFrom(TENANT_KEY).where(TENANT_KEY.TENANT_ID.eq(tenant)).fetch();
        }
        try {
            Map<Integer, Aead> byVersion = new HashMap<>();
            int primary = 0;
            PrfSet prf = null;
            for (var row : rows) {
                int version = row.getVersion();
                byVersion.put(version, unwrap(row.getWrappedAead(), ad(tenant, version, "aead"))
                        .getPrimitive(RegistryConfiguration.get(), Aead.class));
                if (row.getIsPrimary()) {
                    primary = version;
                    prf = unwrap(row.getWrappedPrf(), ad(tenant, version, "prf"))
                            .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
                }
            }
            if (prf == null) {
                throw new IllegalStateException("Tenant " + tenant + " has no primary key version");
            }
            return new Keys(primary, Map.copyOf(byVersion), prf);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not unwrap the keys of tenant " + tenant
                    + " (wrong master key?)", e);
        }
    }

    private void create(UUID tenant) {
        try {
            KeysetHandle aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            KeysetHandle prf = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
            dsl.insertInto(TENANT_KEY).set(TENANT_KEY.TENANT_ID, tenant).set(TENANT_KEY.VERSION, 1)
                    .set(TENANT_KEY.WRAPPED_AEAD, wrap(aead, ad(tenant, 1, "aead")))
                    .set(TENANT_KEY.WRAPPED_PRF, wrap(prf, ad(tenant, 1, "prf")))
                    .onConflictDoNothing().execute();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a new primary version (rotation); the PRF key is carried over so blind indexes stay valid. */
    public int addVersion(UUID tenant) throws GeneralSecurityException {
        var current = dsl.selectFrom(TENANT_KEY).where(TENANT_KEY.TENANT_ID.eq(tenant))
                .and(TENANT_KEY.IS_PRIMARY).forUpdate().fetchSingle();
        int next = dsl.select(org.jooq.impl.DSL.max(TENANT_KEY.VERSION)).from(TENANT_KEY)
                .where(TENANT_KEY.TENANT_ID.eq(tenant)).fetchSingle().value1() + 1;
        KeysetHandle prf = unwrap(current.getWrappedPrf(), ad(tenant, current.getVersion(), "prf"));
        KeysetHandle aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        dsl.update(TENANT_KEY).set(TENANT_KEY.IS_PRIMARY, false).where(TENANT_KEY.TENANT_ID.eq(tenant)).execute();
        dsl.insertInto(TENANT_KEY).set(TENANT_KEY.TENANT_ID, tenant).set(TENANT_KEY.VERSION, next)
                .set(TENANT_KEY.WRAPPED_AEAD, wrap(aead, ad(tenant, next, "aead")))
                .set(TENANT_KEY.WRAPPED_PRF, wrap(prf, ad(tenant, next, "prf")))
                .set(TENANT_KEY.IS_PRIMARY, true).execute();
        evict(tenant);
        return next;
    }

    /** Re-wraps every version of a tenant's keys under the master key's current primary (master rotation). */
    public int rewrapUnderMaster(UUID tenant) throws GeneralSecurityException {
        int n = 0;
        for (var row : dsl.selectFrom(TENANT_KEY).where(TENANT_KEY.TENANT_ID.eq(tenant)).forUpdate().fetch()) {
            int v = row.getVersion();
            row.setWrappedAead(wrap(unwrap(row.getWrappedAead(), ad(tenant, v, "aead")), ad(tenant, v, "aead")));
            row.setWrappedPrf(wrap(unwrap(row.getWrappedPrf(), ad(tenant, v, "prf")), ad(tenant, v, "prf")));
            row.setRewrappedAt(java.time.OffsetDateTime.now());
            n += dsl.executeUpdate(row);
        }
        evict(tenant);
        return n;
    }

    private KeysetHandle unwrap(byte[] wrapped, byte[] ad) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, masterKey.aead(), ad);
    }

    private byte[] wrap(KeysetHandle handle, byte[] ad) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, masterKey.aead(), ad);
    }

    private static byte[] ad(UUID tenant, int version, String kind) {
        return ("creditflow/tenant-key/" + tenant + "/" + version + "/" + kind).getBytes(StandardCharsets.UTF_8);
    }
}
