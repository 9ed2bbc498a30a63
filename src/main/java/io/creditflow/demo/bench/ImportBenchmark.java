package io.creditflow.demo.bench;

import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.imports.ImportJob;
import io.creditflow.receivables.imports.ImportJobs;
import io.creditflow.receivables.imports.ImportKind;
import io.creditflow.receivables.imports.ImportMode;
import io.creditflow.receivables.imports.ImportStatus;
import io.creditflow.receivables.imports.Imports;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code bench import}: generates a CSV of N invoices for M debtors with the demo generator, imports it through the
 * real path (upload, background task, validation pass, batched writes with encryption and blind indexes), reports
 * rows per second and the largest heap seen, then PostgreSQL's own COPY of the same file into a bare table as the
 * physical limit, and finally debtor search and the debtor page over HTTP with all that data loaded.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import N generated invoices for M debtors from CSV and report rows/s, heap and HTTP latencies.")
final class ImportBenchmark implements Callable<Integer> {

    @Option(names = "--invoices", defaultValue = "1000000")
    int invoices;
    @Option(names = "--debtors", defaultValue = "200000")
    int debtors;
    @Option(names = "--seed", defaultValue = "20260101")
    long seed;
    @Option(names = "--dir", defaultValue = "target/bench-import", description = "work directory (CSV, database)")
    Path dir;
    @Option(names = "--http-requests", defaultValue = "200", description = "measured requests per HTTP scenario")
    int httpRequests;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        Path csv = dir.resolve("invoices-" + invoices + "-" + debtors + ".csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            long rows = BenchCsv.write(csv, debtors, invoices, seed, LocalDate.of(2026, 11, 1));
            System.out.printf(Locale.ROOT, "generated %,d rows (%,d MB) in %.1f s%n", rows, Files.size(csv) >> 20,
                    (System.nanoTime() - t) / 1e9);
        }
        HeapSampler heap = HeapSampler.start();
        try (ConfigurableApplicationContext ctx = start()) {
            heap.reset();
            Tenant tenant = ctx.getBean(Tenants.class).create("bench-" + UUID.randomUUID().toString().substring(0, 8),
                    "Bench B.V.", "NL", "nl");
            Result r;
            try (SqlSampler sql = new SqlSampler(ctx.getBean(javax.sql.DataSource.class))) {
                r = runImport(ctx, tenant.id(), csv);
            }
            long importHeap = heap.max();
            System.out.printf(Locale.ROOT, "%nimport: %s, %,d rows imported, %,d debtors created%n", r.job.status(),
                    r.job.rowsImported(), r.job.debtorsCreated());
            System.out.printf(Locale.ROOT, "  upload (store file)  %8.1f s%n", r.uploadSeconds);
            System.out.printf(Locale.ROOT, "  validation pass      %8.1f s%n", r.validationSeconds);
            System.out.printf(Locale.ROOT, "  write pass           %8.1f s%n", r.writeSeconds);
            double total = r.validationSeconds + r.writeSeconds;
            System.out.printf(Locale.ROOT, "  total                %8.1f s = %,.0f rows/s%n", total, invoices / total);
            System.out.printf(Locale.ROOT, "  max heap used        %8d MiB (max heap %d MiB)%n", importHeap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            double copy = CopyBaseline.run(ctx, csv);
            System.out.printf(Locale.ROOT, "%nPostgreSQL COPY of the same file into a bare table: %.1f s = %,.0f rows/s;"
                    + " import/COPY time ratio %.1f%n", copy, invoices / copy, total / copy);
            new HttpLatency(ctx, tenant.id(), httpRequests).run();
        }
        return 0;
    }

    private record Result(ImportJob job, double uploadSeconds, double validationSeconds, double writeSeconds) {
    }

    private static Result runImport(ConfigurableApplicationContext ctx, UUID tenant, Path csv) throws Exception {
        TenantScope scope = ctx.getBean(TenantScope.class);
        Imports imports = ctx.getBean(Imports.class);
        ImportJobs jobs = ctx.getBean(ImportJobs.class);
        long t0 = System.nanoTime();
        ImportJob job;
        try (var s = scope.enter(tenant); InputStream in = Files.newInputStream(csv)) {
            job = imports.submit(new Imports.Request(ImportKind.INVOICES, ImportMode.ALL_OR_NOTHING, false, null,
                    csv.getFileName().toString()), in);
        }
        long submitted = System.nanoTime();
        long validating = 0;
        long importing = 0;
        UUID id = job.id();
        while (!job.status().isFinished()) {
            Thread.sleep(100);
            job = scope.inTenant(tenant, () -> jobs.get(id));
            if (validating == 0 && job.status() != ImportStatus.QUEUED) {
                validating = System.nanoTime();
            }
            if (importing == 0 && (job.status() == ImportStatus.IMPORTING || job.status().isFinished())) {
                importing = System.nanoTime();
            }
        }
        long done = System.nanoTime();
        if (job.status() != ImportStatus.SUCCEEDED) {
            System.out.println("import did not succeed: " + job.message());
        }
        return new Result(job, (submitted - t0) / 1e9, (importing - submitted) / 1e9, (done - importing) / 1e9);
    }

    private ConfigurableApplicationContext start() throws ClassNotFoundException {
        return new SpringApplicationBuilder(Class.forName("io.creditflow.Creditflow"))
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "creditflow.database.ephemeral=true",
                        "creditflow.data-dir=" + dir.resolve("data").toAbsolutePath(),
                        "creditflow.demo.enabled=false", "logging.level.root=warn",
                        "logging.level.io.creditflow=warn", "db-scheduler.polling-interval=1s")
                .logStartupInfo(false).run();
    }
}
