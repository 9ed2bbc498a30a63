package io.creditflow.privacy;

import io.creditflow.demo.DemoDataGenerator;
import io.creditflow.demo.DemoLoader;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.io.StringWriter;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain dump of the whole database (every table, as the superuser, the way a stolen backup would be read) after
 * loading demo data contains no e-mail address, IBAN, phone number or name of any demo debtor.
 */
@CreditflowTest
class NoPlaintextInDatabaseDumpIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    DemoLoader loader;
    @Autowired
    Environment environment;

    @Test
    void theDumpHoldsNoPersonalDataInClear() throws Exception {
        TestTenant tenant = tenants.create();
        long seed = 4242;
        LocalDate today = LocalDate.of(2026, 11, 21);
        loader.load(tenant.id(), 300, seed, today, done -> { });
        String dump = dumpEverything();
        List<BulkIntake.DebtorRow> debtors = new DemoDataGenerator(seed, today).chunk(0, 300).debtors();
        assertThat(dump).contains("F2026-");
        int checked = 0;
        for (BulkIntake.DebtorRow d : debtors) {
            for (String secret : concat(d.profile().emails(), d.profile().ibans(), d.profile().phones(),
                    List.of(d.profile().name()))) {
                assertThat(dump).as("plaintext of debtor %s in the dump", d.externalId()).doesNotContain(secret);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    private String dumpEverything() throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = Superuser.dataSource(environment).getConnection()) {
            List<String> tables = Superuser.jdbc(environment).sql(
                    "select tablename from pg_tables where schemaname = 'public' order by 1").query(String.class).list();
            for (String table : tables) {
                out.write("-- " + table + "\n");
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout", out);
            }
        }
        return out.toString();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
