package io.creditflow.privacy.keys;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;

import static io.creditflow.jooq.Tables.SUBJECT_KEY;
import static io.creditflow.jooq.Tables.TENANT;
import static io.creditflow.jooq.Tables.TENANT_KEY;

/**
 * Key rotation without downtime, in batches of short transactions while the application keeps running.
 *
 * <p>Master key, three steps so that no node ever meets a wrapping key it does not hold: {@link #addMasterKey()}
 * (a new, not yet primary key; deploy the printed keyset to every node), {@link #promoteAndRewrap()} (the new key
 * becomes primary and every tenant key is re-wrapped under it), {@link #retireOldMasterKeys()} (drop the old keys once
 * nothing is wrapped under them). With the demo's key file on a single node all three run in one go.
 *
 * <p>Tenant key: {@link #rotateTenantKey(UUID)} adds a new primary version and re-wraps the subject keys in batches;
 * the old version is deleted when nothing refers to it any more.
 */
@Component
public class KeyRotation {

    private final MasterKey masterKey;
    private final TenantKeyring tenantKeys;
    private final SubjectKeyring subjectKeys;
    private final TenantScope tenantScope;
    private final DSLContext dsl;

    KeyRotation(MasterKey masterKey, TenantKeyring tenantKeys, SubjectKeyring subjectKeys, TenantScope tenantScope,
                DSLContext dsl) {
        this.masterKey = masterKey;
        this.tenantKeys = tenantKeys;
        this.subjectKeys = subjectKeys;
        this.tenantScope = tenantScope;
        this.dsl = dsl;
    }

    /** Adds a new master key, not yet primary. Returns the keyset (JSON) to deploy to every node. */
    public String addMasterKey() throws GeneralSecurityException, IOException {
        KeysetHandle next = KeysetHandle.newBuilder(masterKey.keyset())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                .build();
        masterKey.replace(next);
        return MasterKey.toJson(next);
    }

    /** Makes the newest master key primary and re-wraps every tenant's keys under it. Returns tenants re-wrapped. */
    public int promoteAndRewrap() throws GeneralSecurityException, IOException {
        KeysetHandle current = masterKey.keyset();
        int newest = current.size() - 1;
        if (!current.getAt(newest).isPrimary()) {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
            builder.getAt(newest).makePrimary();
            masterKey.replace(builder.build());
        }
        int tenants = 0;
        for (UUID tenant : tenantIds()) {
            tenantScope.inTenant(tenant, () -> {
                try {
                    return tenantKeys.rewrapUnderMaster(tenant);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
            tenants++;
        }
        return tenants;
    }

    /** Removes master keys that are not primary; refuses if a tenant key cannot be unwrapped by the primary alone. */
    public String retireOldMasterKeys() throws GeneralSecurityException, IOException {
        KeysetHandle current = masterKey.keyset();
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
        for (int i = current.size() - 1; i >= 0; i--) {
            if (!current.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        KeysetHandle primaryOnly = builder.build();
        var aead = primaryOnly.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(),
                com.google.crypto.tink.Aead.class);
        for (UUID tenant : tenantIds()) {
            tenantScope.inTenant(tenant, () -> {
                for (var row : dsl.selectFrom(TENANT_KEY).where(TENANT_KEY.TENANT_ID.eq(tenant)).fetch()) {
                    try {
                        com.google.crypto.tink.TinkProtoKeysetFormat.parseEncryptedKeyset(row.getWrappedAead(), aead,
                                ("creditflow/tenant-key/" + tenant + "/" + row.getVersion() + "/aead").getBytes());
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("Tenant " + tenant + " still has a key wrapped under an old "
                                + "master key: run promote-and-rewrap first", e);
                    }
                }
                return null;
            });
        }
        masterKey.replace(primaryOnly);
        return MasterKey.toJson(primaryOnly);
    }

    /** New tenant key version; subject keys re-wrapped in batches; the old versions deleted. Returns keys re-wrapped. */
    public int rotateTenantKey(UUID tenant) {
        int version = tenantScope.inTenant(tenant, () -> {
            try {
                return tenantKeys.addVersion(tenant);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        int total = 0;
        int batch;
        do {
            batch = tenantScope.inTenant(tenant, () -> {
                try {
                    return subjectKeys.rewrap(tenant, 1_000);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
            total += batch;
        } while (batch > 0);
        tenantScope.inTenant(tenant, () -> {
            boolean referenced = dsl.fetchExists(SUBJECT_KEY, SUBJECT_KEY.TENANT_ID.eq(tenant)
                    .and(SUBJECT_KEY.WRAPPED_KEYSET.isNotNull()).and(SUBJECT_KEY.TENANT_KEY_VERSION.ne(version)));
            if (!referenced) {
                dsl.deleteFrom(TENANT_KEY).where(TENANT_KEY.TENANT_ID.eq(tenant))
                        .and(TENANT_KEY.VERSION.ne(version)).execute();
            }
            return null;
        });
        tenantKeys.evict(tenant);
        return total;
    }

    private List<UUID> tenantIds() {
        return dsl.select(TENANT.ID).from(TENANT).fetch(TENANT.ID);
    }
}
