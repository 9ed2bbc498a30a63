package io.creditflow.demo.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A poor man's profiler for the database side: every 50 ms it records which statement each active session of the
 * application runs (pg_stat_activity), so the report can say where PostgreSQL spends an import's time.
 */
final class SqlSampler implements AutoCloseable {

    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int samples;

    SqlSampler(DataSource dataSource) {
        thread = new Thread(() -> loop(dataSource), "sql-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            while (running) {
                try (ResultSet rs = st.executeQuery("select regexp_replace(left(query, 90), '\\s+', ' ', 'g') "
                        + "from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() "
                        + "and backend_type = 'client backend'")) {
                    synchronized (counts) {
                        samples++;
                        while (rs.next()) {
                            counts.merge(rs.getString(1), 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            if (running) {
                System.out.println("sql sampler stopped: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        synchronized (counts) {
            System.out.printf(Locale.ROOT, "%nwhere PostgreSQL was busy (%d samples of 50 ms; share of samples):%n",
                    samples);
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .limit(14).forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n",
                            100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
        }
    }
}
