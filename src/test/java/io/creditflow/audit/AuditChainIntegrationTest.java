package io.creditflow.audit;

import io.creditflow.platform.cli.CreditflowCli;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log is tamper-evident: change one sealed entry in the database behind the application's back and
 * verification names that entry; remove one and it names the gap. Reads of personal data are recorded too. Sealing
 * after commit is coalesced: actions committed one by one in quick succession are sealed together, and the chain is
 * still complete and verifies.
 */
@CreditflowTest
class AuditChainIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    Environment environment;
    @Autowired
    io.creditflow.platform.TenantScope tenantScope;
    @Autowired
    AuditLog audit;

    TestTenant tenant;

    @BeforeEach
    void someHistory() {
        tenant = tenants.create();
        String id = tenant.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON).body("""
                {"externalId":"A-1","type":"CONSUMER","name":"Audi Tor","email":"audi@example.com"}""")
                .retrieve().body(JsonNode.class).get("id").asString();
        for (int i = 0; i < 3; i++) {
            tenant.api().get().uri("/api/v1/debtors/" + id).header(AuditLog.PURPOSE_HEADER, "test read " + i)
                    .retrieve().toBodilessEntity();
        }
        sealer.seal(tenant.id());
    }

    @Test
    void anUntouchedChainVerifiesAndRecordsWhoWhatWhenWhereWhy() {
        AuditVerification ok = verifier.verify(tenant.id());
        assertThat(ok.valid()).isTrue();
        assertThat(ok.entriesChecked()).isGreaterThanOrEqualTo(10);
        var reads = Superuser.jdbc(environment).sql("""
                select actor_type, actor_name, source_ip, purpose from audit_entry
                 where tenant_id = :t and action = 'debtor.read' order by seq""")
                .param("t", tenant.id()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getString(3) + "|" + rs.getString(4)).list();
        assertThat(reads).hasSize(3).allMatch(r -> r.startsWith("API_KEY|test|127.0.0.1|test read"));
    }

    @Test
    void editingOneEntryIsNamedByVerification() {
        long target = Superuser.jdbc(environment).sql("select min(seq) + 4 from audit_entry where tenant_id = :t")
                .param("t", tenant.id()).query(Long.class).single();
        Superuser.jdbc(environment).sql("update audit_entry set purpose = 'nothing to see' where tenant_id = :t and seq = :s")
                .param("t", tenant.id()).param("s", target).update();
        AuditVerification broken = verifier.verify(tenant.id());
        assertThat(broken.valid()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(target);
        assertThat(broken.problem()).contains("entry " + target).contains("altered");

        JsonNode api = tenant.api().get().uri("/api/v1/audit/verification").retrieve().body(JsonNode.class);
        assertThat(api.get("valid").asBoolean()).isFalse();
        assertThat(api.get("firstBrokenSeq").asLong()).isEqualTo(target);
    }

    @Test
    void removingAnEntryIsNamedAndTheCommandLineReportsIt() {
        Superuser.jdbc(environment).sql("delete from audit_entry where tenant_id = :t and seq = 3")
                .param("t", tenant.id()).update();
        AuditVerification broken = verifier.verify(tenant.id());
        assertThat(broken.valid()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(3);
        assertThat(broken.problem()).contains("entry 3 is missing");

        String previous = System.getProperty("spring.profiles.active");
        System.setProperty("spring.profiles.active", "test");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = CreditflowCli.run(new String[] {"audit", "verify", "--tenant", tenant.slug()});
        } finally {
            System.setOut(out);
            if (previous == null) {
                System.clearProperty("spring.profiles.active");
            } else {
                System.setProperty("spring.profiles.active", previous);
            }
        }
        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("BROKEN").contains("entry 3 is missing");
    }

    @Test
    void theApplicationItselfCannotRewriteHistory() {
        var appJdbc = org.springframework.jdbc.core.simple.JdbcClient.create(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(
                        environment.getRequiredProperty("spring.datasource.url"), "creditflow_app", ""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> appJdbc.sql(
                        "update audit_entry set purpose = 'x' where tenant_id = '" + tenant.id() + "'").update())
                .rootCause().hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> appJdbc.sql(
                        "delete from ledger_entry").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void actionsCommittedInQuickSuccessionAreSealedTogether() throws InterruptedException {
        TestTenant quick = tenants.create();
        sealer.seal(quick.id());
        long sealedBefore = sealed(quick);
        long batchesBefore = sealer.batchesSealed();
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            java.util.UUID object = java.util.UUID.randomUUID();
            // each record in its own transaction, each commit asks for a seal
            tenantScope.inTenant(quick.id(), () -> audit.record(AuditEvent.of("test.coalesced", "test", object)));
        }
        long committingMillis = (System.nanoTime() - started) / 1_000_000;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sealed(quick) < sealedBefore + 40 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sealed(quick)).as("every committed entry is sealed by the background sealer")
                .isEqualTo(sealedBefore + 40);
        // at most one sealing transaction per delay window (100 ms) while the commits went on, plus the last one;
        // sealing after every commit made 12 for these 40 commits in about 120 ms
        assertThat(sealer.batchesSealed() - batchesBefore).as("sealing transactions for 40 commits in %d ms",
                committingMillis).isLessThanOrEqualTo(committingMillis / 100 + 2);
        assertThat(verifier.verify(quick.id()).valid()).isTrue();
        long objects = Superuser.jdbc(environment).sql("""
                select count(distinct object_id) from audit_entry where tenant_id = :t and action = 'test.coalesced'""")
                .param("t", quick.id()).query(Long.class).single();
        assertThat(objects).isEqualTo(40);
    }

    @Test
    void aSealWithNothingPendingLeavesNoChainHeadBehind() {
        // what a late seal (it waits the delay) finds for a tenant deleted meanwhile: no head, nothing pending
        java.util.UUID gone = java.util.UUID.randomUUID();
        assertThat(sealer.seal(gone)).isZero();
        assertThat(Superuser.jdbc(environment).sql("select count(*) from audit_chain_head where tenant_id = :t")
                .param("t", gone).query(Long.class).single()).isZero();
    }

    private long sealed(TestTenant t) {
        return Superuser.jdbc(environment).sql("select count(*) from audit_entry where tenant_id = :t")
                .param("t", t.id()).query(Long.class).single();
    }
}
