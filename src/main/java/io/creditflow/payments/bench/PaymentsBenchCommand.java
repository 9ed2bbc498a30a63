package io.creditflow.payments.bench;

import io.creditflow.payments.reconciliation.MatchPreview;
import io.creditflow.payments.reconciliation.StatementImports;
import io.creditflow.payments.statement.BankStatementReader;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.cli.CliCommand;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.receivables.Invoices;
import io.creditflow.receivables.Ledger;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code java -jar creditflow.jar payments-bench [--invoices 1000000] [--entries 100000]}: loads a fresh tenant with
 * the generated open invoices, writes a camt.053 statement of generated noisy payments, then measures (1) parsing
 * alone, (2) parsing and matching against the database (the matcher's lookups, nothing stored), (3) the full import
 * (claim, match, apply through the ledger, store every decision), and reports matching quality against the known
 * truth per kind of noise.
 */
@Command(name = "payments-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks statement parsing, matching and import against generated open invoices.")
public final class PaymentsBenchCommand implements CliCommand, Callable<Integer> {

    @Option(names = "--invoices", defaultValue = "1000000", description = "open invoices to load (default 1,000,000)")
    int invoices;

    @Option(names = "--entries", defaultValue = "100000", description = "statement entries (default 100,000)")
    int entries;

    @Option(names = "--seed", defaultValue = "20260316", description = "generator seed")
    long seed;

    @Option(names = "--data-dir", defaultValue = "target/payments-bench", description = "database directory")
    Path dataDir;

    @Option(names = "--reuse-tenant", description = "measure again on a tenant an earlier run loaded (its slug, "
            + "same --data-dir, --invoices and --seed): no loading")
    String reuseTenant;

    @Option(names = "--skip-import", description = "measure parsing and matching only; quality from the matcher's "
            + "decisions (what the import would apply) instead of from a full import")
    boolean skipImport;

    @Override
    public String name() {
        return "payments-bench";
    }

    @Override
    public Integer call() throws IOException {
        try (ConfigurableApplicationContext context = start()) {
            new Run(context).run();
        }
        return 0;
    }

    /**
     * The whole application on a random local port. Not {@code CliContext.start}: without a web server the security
     * configuration cannot be built (it needs {@code HttpSecurity}), so a command without one does not start yet.
     */
    private ConfigurableApplicationContext start() {
        try {
            return new org.springframework.boot.builder.SpringApplicationBuilder(
                    Class.forName("io.creditflow.Creditflow")).profiles("cli").logStartupInfo(false)
                    .properties("CREDITFLOW_DATA_DIR=" + dataDir.toAbsolutePath(), "CREDITFLOW_DEMO_ENABLED=false",
                            "PORT=0", "server.address=127.0.0.1", "logging.level.root=warn",
                            "logging.level.io.creditflow=warn")
                    .run();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Run {
        private final ConfigurableApplicationContext context;
        private final TenantScope tenantScope;
        private final LocalDate today = LocalDate.of(2026, 3, 16);

        Run(ConfigurableApplicationContext context) {
            this.context = context;
            this.tenantScope = context.getBean(TenantScope.class);
        }

        void run() throws IOException {
            int debtors = invoices / NoisyPayments.INVOICES_PER_DEBTOR;
            NoisyPayments generator = new NoisyPayments(seed, today);
            String slug = reuseTenant != null ? reuseTenant : "bench-" + Long.toString(System.currentTimeMillis(), 36);
            Tenants tenants = context.getBean(Tenants.class);
            UUID tenant = reuseTenant != null ? tenants.findBySlug(slug).orElseThrow(() -> new IllegalArgumentException(
                    "--reuse-tenant: no tenant " + slug + " in " + dataDir)).id()
                    : tenants.create(slug, "Payments benchmark", "NL", "nl").id();
            long start = System.nanoTime();
            if (reuseTenant == null) {
                new BenchLoader(tenantScope, context.getBean(BulkIntake.class), context.getBean(Invoices.class),
                        context.getBean(Ledger.class)).load(tenant, generator, debtors, today, done -> {
                            if (done % 50_000 == 0) {
                                progress("loaded %,d of %,d debtors", done, debtors);
                            }
                        });
            }
            double load = seconds(start);
            awaitStatistics();
            List<BenchData.Payment> payments = payments(generator, debtors);
            Path file = Files.createDirectories(dataDir).resolve("statement-" + slug + ".xml");
            if (reuseTenant == null || !Files.exists(file)) {
                BenchStatementWriter.write(file, today, payments);
            }
            report(tenant, file, payments, load);
        }

        /**
         * A freshly loaded table has no planner statistics until autovacuum analyzes it (the application role may not
         * run ANALYZE itself); a production database has them, so the measurement waits for them (at most 5 min).
         */
        private void awaitStatistics() {
            DSLContext dsl = context.getBean(DSLContext.class);
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (System.nanoTime() < deadline) {
                Integer analyzed = dsl.resultQuery("""
                        select count(*) from pg_stat_user_tables
                         where relname in ('invoice', 'debtor_lookup', 'debtor') and n_mod_since_analyze < n_live_tup / 10
                           and coalesce(last_autoanalyze, last_analyze) is not null""").fetchSingle(0, Integer.class);
                if (analyzed == 3) {
                    return;
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            System.out.println("  (planner statistics not ready after 5 minutes; measuring anyway)");
        }

        private List<BenchData.Payment> payments(NoisyPayments generator, int debtors) {
            List<BenchData.Payment> payments = new ArrayList<>(entries);
            for (int from = 0; from < debtors && payments.size() < entries; from += BenchLoader.DEBTORS_PER_TRANSACTION) {
                for (BenchData.Payment p : generator.chunk(from, Math.min(BenchLoader.DEBTORS_PER_TRANSACTION,
                        debtors - from)).payments()) {
                    if (payments.size() < entries) {
                        payments.add(p);
                    }
                }
            }
            return payments;
        }

        private void report(UUID tenant, Path file, List<BenchData.Payment> payments, double load) throws IOException {
            int n = payments.size();
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                new BankStatementReader().read(in, (statement, entry) -> { });
            }
            double parse = seconds(start);
            progress("parse only: %.2f s (%,.0f entries/s)", parse, n / parse);
            double[] preview = new double[2];
            List<MatchPreview.Previewed> decided = new ArrayList<>(n);
            for (int round = 0; round < 2; round++) {
                start = System.nanoTime();
                List<MatchPreview.Previewed> sink = round == 1 ? decided : new ArrayList<>(0);
                try (InputStream in = Files.newInputStream(file);
                     TenantScope.Scope ignored = tenantScope.enter(tenant)) {
                    context.getBean(MatchPreview.class).preview(in, round == 1 ? sink::add : p -> { });
                }
                preview[round] = seconds(start);
                progress("parse and match, run %d: %.2f s (%,.0f entries/s)", round + 1, preview[round],
                        n / preview[round]);
            }
            if (skipImport) {
                MatchQuality quality = tenantScope.inTenant(tenant, () -> previewQuality(decided, payments));
                printPreview(n, Files.size(file), load, parse, preview, quality);
                return;
            }
            start = System.nanoTime();
            StatementImports.Summary summary;
            try (InputStream in = Files.newInputStream(file); TenantScope.Scope ignored = tenantScope.enter(tenant)) {
                summary = context.getBean(StatementImports.class).importFile(file.getFileName().toString(), in,
                        Files.size(file));
            }
            double full = seconds(start);
            progress("full import: %.2f s (%,.0f entries/s)", full, n / full);
            MatchQuality quality = tenantScope.inTenant(tenant, () -> quality(summary.id(), payments));
            print(n, Files.size(file), load, parse, preview, full, summary, quality);
        }

        private MatchQuality quality(UUID importId, List<BenchData.Payment> payments) {
            Map<String, List<String>> applied = new HashMap<>();
            Map<String, List<String>> suggested = new HashMap<>();
            Map<String, Boolean> automatic = new HashMap<>();
            DSLContext dsl = context.getBean(DSLContext.class);
            dsl.resultQuery("""
                    select e.entry_ref, e.state, e.decided_by is null,
                           coalesce((select array_agg(i.number order by a.position) from payment p
                                      join payment_allocation a on a.tenant_id = p.tenant_id and a.payment_id = p.id
                                      join invoice i on i.tenant_id = a.tenant_id and i.id = a.invoice_id
                                     where p.tenant_id = e.tenant_id and p.source = 'BANK' and p.source_id = e.id
                                       and p.status = 'APPLIED'), '{}'),
                           coalesce((select array_agg(i.number) from bank_entry_suggestion s
                                      cross join unnest(s.invoice_ids) as u(id)
                                      join invoice i on i.tenant_id = s.tenant_id and i.id = u.id
                                     where s.tenant_id = e.tenant_id and s.entry_id = e.id and s.rank = 1), '{}')
                      from bank_entry e where e.import_id = {0}""", importId).forEach(r -> {
                String ref = r.get(0, String.class);
                automatic.put(ref, "APPLIED".equals(r.get(1, String.class)) && r.get(2, Boolean.class));
                applied.put(ref, List.of(r.get(3, String[].class)));
                suggested.put(ref, List.of(r.get(4, String[].class)));
            });
            MatchQuality quality = new MatchQuality();
            for (BenchData.Payment p : payments) {
                boolean auto = automatic.getOrDefault(p.entryReference(), false);
                quality.record(p.noise(), p.truth(), auto ? applied.get(p.entryReference()) : List.of(),
                        auto ? List.of() : suggested.getOrDefault(p.entryReference(), List.of()), auto);
            }
            return quality;
        }

        /** Quality from the matcher's decisions: automatic = at or above the threshold, as the import applies it. */
        private MatchQuality previewQuality(List<MatchPreview.Previewed> decided, List<BenchData.Payment> payments) {
            List<UUID> ids = decided.stream().flatMap(d -> d.outcome().proposals().stream().limit(1))
                    .flatMap(p -> p.invoiceIds().stream()).distinct().toList();
            Map<UUID, String> numbers = new HashMap<>();
            DSLContext dsl = context.getBean(DSLContext.class);
            for (int from = 0; from < ids.size(); from += 10_000) {
                dsl.resultQuery("select id, number from invoice where id = any({0})",
                        (Object) ids.subList(from, Math.min(ids.size(), from + 10_000)).toArray(UUID[]::new))
                        .forEach(r -> numbers.put(r.get(0, UUID.class), r.get(1, String.class)));
            }
            Map<String, MatchPreview.Previewed> byRef = new HashMap<>();
            decided.forEach(d -> byRef.put(d.entryReference(), d));
            MatchQuality quality = new MatchQuality();
            for (BenchData.Payment p : payments) {
                MatchPreview.Previewed d = byRef.get(p.entryReference());
                var best = d == null ? null : d.outcome().best();
                List<String> named = best == null ? List.of()
                        : best.invoiceIds().stream().map(i -> numbers.getOrDefault(i, "?")).toList();
                boolean auto = d != null && d.automatic();
                quality.record(p.noise(), p.truth(), auto ? named : List.of(), auto ? List.of() : named, auto);
            }
            return quality;
        }

        private void printPreview(int n, long bytes, double load, double parse, double[] preview,
                                  MatchQuality quality) {
            System.out.printf(Locale.ROOT, """

                    ## Payments benchmark (parse and match): %,d statement entries against %,d open invoices
                    - machine: %d cores, Java %s, max heap %,d MB, load average %.1f
                    - loading took %.0f s (0: an earlier run's tenant reused)
                    - statement file: %.1f MB camt.053.001.08
                    - parse only: %.2f s (%,.0f entries/s)
                    - parse and match: first run %.2f s (%,.0f entries/s, includes building the typo index), second
                      run %.2f s (%,.0f entries/s)
                    - quality from the matcher's decisions (no import): automatic matches correct %.3f %% (%,d of %,d);
                      automation share of payments for invoices %.1f %% (of all payments: %.1f %%)

                    %s""", n, invoices, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                    Runtime.getRuntime().maxMemory() / 1_048_576,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), load,
                    bytes / 1_048_576.0, parse, n / parse, preview[0], n / preview[0], preview[1], n / preview[1],
                    100 * quality.total().precision(), quality.total().automaticCorrect(), quality.total().automatic(),
                    100 * quality.forInvoices().automation(), 100 * quality.total().automation(), quality.table());
        }

        private void print(int n, long bytes, double load, double parse, double[] preview, double full,
                           StatementImports.Summary summary, MatchQuality quality) {
            System.out.printf(Locale.ROOT, """

                    ## Payments benchmark: %,d statement entries against %,d open invoices
                    - machine: %d cores, Java %s, max heap %,d MB
                    - loading %,d invoices (%,d debtors, encrypted) took %.0f s (not part of the figures below)
                    - statement file: %.1f MB camt.053.001.08
                    - parse only: %.2f s (%,.0f entries/s)
                    - parse and match (database lookups, nothing stored): first run %.2f s (%,.0f entries/s, includes
                      building the typo index), second run %.2f s (%,.0f entries/s)
                    - full import (claim, match, apply through the ledger, store decisions), one transaction: %.2f s
                      (%,.0f entries/s): %,d applied, %,d suggested, %,d unmatched, %,d duplicates
                    - automatic matches correct: %.3f %% (%,d of %,d); automation share of payments for invoices:
                      %.1f %% (of all payments: %.1f %%)

                    %s""", n, invoices, Runtime.getRuntime().availableProcessors(), Runtime.version(),
                    Runtime.getRuntime().maxMemory() / 1_048_576, invoices, invoices / NoisyPayments.INVOICES_PER_DEBTOR,
                    load, bytes / 1_048_576.0, parse, n / parse, preview[0], n / preview[0], preview[1],
                    n / preview[1], full, n / full, summary.applied(), summary.suggested(), summary.unmatched(),
                    summary.duplicates(), 100 * quality.total().precision(), quality.total().automaticCorrect(),
                    quality.total().automatic(), 100 * quality.forInvoices().automation(),
                    100 * quality.total().automation(), quality.table());
        }

        /** Each figure as soon as it is measured (with the load average), so a long run reports what it has. */
        private static void progress(String format, Object... args) {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
            System.out.printf(Locale.ROOT, "  " + format + " [load average %.1f, JVM CPU so far %.0f s]%n",
                    java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                            os.getSystemLoadAverage(), cpu / 1e9)).toArray());
        }

        private static double seconds(long start) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
