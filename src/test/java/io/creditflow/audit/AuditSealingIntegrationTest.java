package io.creditflow.audit;

import io.creditflow.platform.TenantScope;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealing after commit is coalesced: actions committed one by one in quick succession are sealed together, in a few
 * transactions instead of one each, and the chain is still complete, in commit order, and verifies.
 */
@CreditflowTest
class AuditSealingIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    Environment environment;

    @Test
    void actionsCommittedInQuickSuccessionAreSealedTogether() throws InterruptedException {
        TestTenant tenant = tenants.create();
        sealer.seal(tenant.id());
        long sealedBefore = sealed(tenant);
        long batchesBefore = sealer.batchesSealed();
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            UUID object = UUID.randomUUID();
            // each record in its own transaction, each commit asks for a seal
            tenantScope.inTenant(tenant.id(), () -> audit.record(AuditEvent.of("test.coalesced", "test", object)));
        }
        long committingMillis = (System.nanoTime() - started) / 1_000_000;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sealed(tenant) < sealedBefore + 40 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sealed(tenant)).as("every committed entry is sealed by the background sealer")
                .isEqualTo(sealedBefore + 40);
        // at most one sealing transaction per delay window (100 ms) while the commits went on, plus the last one;
        // sealing after every commit made 12 for these 40 commits in about 120 ms
        assertThat(sealer.batchesSealed() - batchesBefore).as("sealing transactions for 40 commits in %d ms",
                committingMillis).isLessThanOrEqualTo(committingMillis / 100 + 2);
        assertThat(verifier.verify(tenant.id()).valid()).isTrue();
        var objects = Superuser.jdbc(environment).sql("""
                select count(distinct object_id) from audit_entry where tenant_id = :t and action = 'test.coalesced'""")
                .param("t", tenant.id()).query(Long.class).single();
        assertThat(objects).isEqualTo(40);
    }

    private long sealed(TestTenant tenant) {
        return Superuser.jdbc(environment).sql("select count(*) from audit_entry where tenant_id = :t")
                .param("t", tenant.id()).query(Long.class).single();
    }
}
