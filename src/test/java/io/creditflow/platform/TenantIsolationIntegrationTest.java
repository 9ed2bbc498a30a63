package io.creditflow.platform;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant isolation is enforced by PostgreSQL: for every table that has a tenant_id column, with tenant A's context
 * set and no filter of our own, no row of tenant B is visible, updatable or deletable, and no row can be written for
 * B. Tables are discovered from the catalog, so a new module's table is covered the day it is created.
 */
@CreditflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTest {

    /**
     * Global unique indexes by design: a login name and a key hash identify one identity across the platform; a
     * payment link's token is the whole address of the public pay page (no tenant in the URL), and a payment
     * provider's webhook names its payment by the provider's own id (no tenant in the webhook), as does the sandbox
     * provider's checkout page.
     */
    private static final Set<String> GLOBAL_INDEXES = Set.of("app_user_username", "api_key_hash",
            "payment_link_token", "provider_payment_external", "sandbox_payment_id");

    /**
     * The platform operator's own records about tenants (no debtor data): the breach register's impact per tenant and
     * the offboarding of a tenant, which must outlive the tenant's data (the deletion certificate). The operator belongs
     * to no tenant, so their policy also shows every row outside a tenant or in the platform context (V66); inside a tenant, only the
     * tenant's own rows (checked by the visibility tests below like every tenant table). Their keys lead with the
     * breach or are the tenant id itself, so the leading-key rule does not apply.
     */
    private static final Set<String> OPERATOR_TABLES = Set.of("breach_tenant", "tenant_offboarding");

    @Autowired
    TestTenants tenants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Environment environment;

    TestTenant a;
    TestTenant b;
    List<String> tenantTables;

    @BeforeAll
    void twoTenantsWithData() {
        a = tenants.create();
        b = tenants.create();
        for (TestTenant t : List.of(a, b)) {
            t.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON).body("""
                    {"externalId":"X-1","type":"CONSUMER","name":"Iso Lation","email":"iso@example.com",
                     "iban":"NL91ABNA0417164300"}""").retrieve().toBodilessEntity();
            t.api().post().uri("/api/v1/invoices").contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "iso-1").body("""
                    {"debtorExternalId":"X-1","number":"ISO-1","issueDate":"2026-01-01","dueDate":"2026-01-15",
                     "currency":"EUR","amount":"10.00"}""").retrieve().toBodilessEntity();
        }
        tenantTables = Superuser.jdbc(environment).sql("""
                select c.table_name from information_schema.columns c
                  join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                 where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                 order by 1""").query(String.class).list();
    }

    @Test
    void everyTenantTableHasRowLevelSecurityAndTenantLeadingKeys() {
        JdbcClient su = Superuser.jdbc(environment);
        assertThat(tenantTables).contains("debtor", "invoice", "ledger_entry", "audit_entry", "api_key", "subject_key");
        for (String table : tenantTables) {
            assertThat(su.sql("select relrowsecurity from pg_class where oid = ('public.' || :t)::regclass")
                    .param("t", table).query(Boolean.class).single()).as("RLS on %s", table).isTrue();
            assertThat(su.sql("select count(*) from pg_policies where schemaname = 'public' and tablename = :t")
                    .param("t", table).query(Integer.class).single()).as("policy on %s", table).isPositive();
            List<String> leading = su.sql("""
                    select i.relname || ':' || a.attname
                      from pg_index x join pg_class i on i.oid = x.indexrelid
                      join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
                     where x.indrelid = ('public.' || :t)::regclass""").param("t", table).query(String.class).list();
            for (String index : OPERATOR_TABLES.contains(table) ? List.<String>of() : leading) {
                String name = index.substring(0, index.indexOf(':'));
                if (!GLOBAL_INDEXES.contains(name)) {
                    assertThat(index).as("index %s of %s leads with tenant_id", name, table).endsWith(":tenant_id");
                }
            }
        }
    }

    @Test
    void tenantAseesNoRowOfTenantBWithoutAnyFilterOfItsOwn() {
        List<String> leaked = new ArrayList<>();
        List<String> visibleOwn = new ArrayList<>();
        tenantScope.inTenant(a.id(), () -> {
            for (String table : tenantTables) {
                long foreign = jdbc.sql("select count(*) from " + table + " where tenant_id <> :a").param("a", a.id())
                        .query(Long.class).single();
                if (foreign > 0) {
                    leaked.add(table + " (" + foreign + ")");
                }
                if (jdbc.sql("select count(*) from " + table).query(Long.class).single() > 0) {
                    visibleOwn.add(table);
                }
            }
        });
        assertThat(leaked).isEmpty();
        assertThat(visibleOwn).contains("debtor", "invoice", "ledger_entry", "debtor_lookup", "api_key", "app_user");
    }

    @Test
    void tenantAcannotChangeDeleteOrCreateRowsOfTenantB() {
        for (String table : tenantTables) {
            Long updated = inTenantRollingBack(a.id(), () -> (long) jdbc.sql("update " + table
                    + " set tenant_id = tenant_id where tenant_id = :b").param("b", b.id()).update());
            assertThat(updated).as("rows of B updated in %s", table).isIn(0L, -1L);
            Long deleted = inTenantRollingBack(a.id(), () -> (long) jdbc.sql("delete from " + table
                    + " where tenant_id = :b").param("b", b.id()).update());
            assertThat(deleted).as("rows of B deleted in %s", table).isIn(0L, -1L);
            Long moved = inTenantRollingBack(a.id(), () -> (long) jdbc.sql("update " + table
                    + " set tenant_id = :b").param("b", b.id()).update());
            assertThat(moved).as("rows of A moved to B in %s", table).isIn(0L, -1L);
        }
        assertThatThrownBy(() -> tenantScope.inTenant(a.id(), () -> jdbc.sql("""
                insert into tenant_counter (tenant_id, name, value) values (:b, 'x', 1)""").param("b", b.id()).update()))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void outsideAnyTenantNothingIsVisible() {
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            for (String table : tenantTables) {
                if (OPERATOR_TABLES.contains(table)) {
                    continue; // the operator's records, by design
                }
                assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single())
                        .as("rows visible without tenant in %s", table).isZero();
            }
        });
    }

    /** The statement's row count, or -1 when the database refused it (policy or privilege): both mean "not done". */
    private Long inTenantRollingBack(UUID tenant, java.util.function.Supplier<Long> statement) {
        try (var ignored = tenantScope.enter(tenant)) {
            TransactionTemplate tx = new TransactionTemplate(transactionManager);
            return tx.execute(status -> {
                status.setRollbackOnly();
                try {
                    return statement.get();
                } catch (RuntimeException e) {
                    return -1L;
                }
            });
        }
    }
}
