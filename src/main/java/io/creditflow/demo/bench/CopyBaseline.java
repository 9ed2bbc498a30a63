package io.creditflow.demo.bench;

import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The physical limit: PostgreSQL's own COPY of the same CSV into a bare table with typed columns and no indexes,
 * constraints, encryption or validation (a temporary table: the application role may not create others).
 */
final class CopyBaseline {

    private CopyBaseline() {
    }

    static double run(ConfigurableApplicationContext ctx, Path csv) throws Exception {
        DataSource ds = ctx.getBean(DataSource.class);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    create temp table bench_copy (debtor_external_id text, debtor_type text, debtor_name text,
                      debtor_email text, debtor_iban text, invoice_number text, issue_date date, due_date date,
                      currency text, amount numeric(15,2), payment_reference text, debtor_phone text,
                      debtor_street text, debtor_house_number text, debtor_postcode text, debtor_city text,
                      debtor_country text, debtor_chamber_of_commerce text, debtor_vat_number text)""");
            long t = System.nanoTime();
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_copy from stdin (format csv, header true)", in);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            st.execute("drop table bench_copy");
            return seconds;
        }
    }
}
