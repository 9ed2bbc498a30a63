package io.creditflow.privacy;

import io.creditflow.platform.TenantScope;
import io.creditflow.privacy.keys.KeyRotation;
import io.creditflow.receivables.Debtors;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Envelope encryption: round trip, ciphertexts bound to their place, crypto-shredding, key rotation. */
@CreditflowTest
class EncryptionIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    KeyRotation rotation;
    @Autowired
    Debtors debtors;
    @Autowired
    Environment environment;

    @Test
    void roundTripAndCiphertextsAreBoundToTenantSubjectAndPlace() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        UUID subject = UUID.randomUUID();
        byte[] sealed = tenantScope.inTenant(a.id(), () -> vault.encrypt(subject, "debtor/profile", "Jan Jansen"));
        assertThat(new String(sealed)).doesNotContain("Jansen");
        assertThat(tenantScope.inTenant(a.id(), () -> vault.decrypt(subject, "debtor/profile", sealed)))
                .contains("Jan Jansen");
        assertThatThrownBy(() -> tenantScope.inTenant(a.id(), () -> vault.decrypt(subject, "message/body", sealed)))
                .hasMessageContaining("altered or moved");
        assertThatThrownBy(() -> tenantScope.inTenant(a.id(), () -> vault.decrypt(UUID.randomUUID(), "debtor/profile",
                sealed))).hasMessageContaining("altered or moved");
        assertThatThrownBy(() -> tenantScope.inTenant(b.id(), () -> vault.decrypt(subject, "debtor/profile", sealed)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void blindIndexesFindEqualValuesWithinATenantOnly() {
        TestTenant a = tenants.create();
        TestTenant b = tenants.create();
        byte[] inA = tenantScope.inTenant(a.id(), () -> vault.blindIndex(BlindIndex.EMAIL, "Anna@Example.com "));
        byte[] againInA = tenantScope.inTenant(a.id(), () -> vault.blindIndex(BlindIndex.EMAIL, "anna@example.com"));
        byte[] inB = tenantScope.inTenant(b.id(), () -> vault.blindIndex(BlindIndex.EMAIL, "anna@example.com"));
        assertThat(inA).hasSize(16).isEqualTo(againInA);
        assertThat(Arrays.equals(inA, inB)).isFalse();
    }

    @Test
    void shreddingADebtorsKeyMakesTheirDataUnreadableButKeepsTheRow() {
        TestTenant t = tenants.create();
        String id = t.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON).body("""
                {"externalId":"E-1","type":"CONSUMER","name":"Erik Erased","email":"erik@example.com"}""")
                .retrieve().body(JsonNode.class).get("id").asString();
        tenantScope.inTenant(t.id(), () -> vault.shred(UUID.fromString(id)));
        JsonNode after = t.api().get().uri("/api/v1/debtors/" + id).retrieve().body(JsonNode.class);
        assertThat(after.get("erased").asBoolean()).isTrue();
        assertThat(after.get("name").isNull()).isTrue();
        assertThat(Superuser.jdbc(environment).sql("select wrapped_keyset is null from subject_key where subject_id = :s")
                .param("s", UUID.fromString(id)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void dataStaysReadableThroughTenantAndMasterKeyRotation() {
        TestTenant t = tenants.create();
        String id = t.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON).body("""
                {"externalId":"R-1","type":"CONSUMER","name":"Rosa Rotation","email":"rosa@example.com"}""")
                .retrieve().body(JsonNode.class).get("id").asString();
        assertThat(rotation.rotateTenantKey(t.id())).isGreaterThanOrEqualTo(1);
        assertThat(Superuser.jdbc(environment).sql("select count(*) from tenant_key where tenant_id = :t")
                .param("t", t.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(tenantScope.inTenant(t.id(), () -> debtors.get(UUID.fromString(id)).profile().name()))
                .isEqualTo("Rosa Rotation");
        try {
            rotation.addMasterKey();
            rotation.promoteAndRewrap();
            rotation.retireOldMasterKeys();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        JsonNode read = t.api().get().uri("/api/v1/debtors?q=rosa@example.com").retrieve().body(JsonNode.class);
        assertThat(read.get("items").get(0).get("name").asString()).isEqualTo("Rosa Rotation");
    }
}
