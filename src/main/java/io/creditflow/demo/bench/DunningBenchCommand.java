package io.creditflow.demo.bench;

import io.creditflow.demo.DemoDataGenerator;
import io.creditflow.dunning.DefaultFlow;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.platform.TenantScope;
import io.creditflow.platform.cli.CliCommand;
import io.creditflow.Creditflow;
import org.springframework.boot.builder.SpringApplicationBuilder;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The dunning benchmark: an open book from the demo generator (by default 1,000,000 open invoices of 200,000 debtors
 * across 20 tenants, on a fresh embedded database), the default flow in every tenant, then one full run per tenant.
 * Reports how fast the runs evaluate open invoices (the set-based planning) and render messages into the outbox (the
 * execution: decrypting debtors, composing, rendering templates, encrypting, bulk insert).
 */
@Command(name = "dunning-bench", mixinStandardHelpOptions = true,
        description = "Benchmark the dunning run on generated data (fresh database in --data-dir).")
public final class DunningBenchCommand implements CliCommand, Callable<Integer> {

    @Option(names = "--tenants", defaultValue = "20")
    int tenants;
    @Option(names = "--debtors", defaultValue = "200000", description = "debtors in total")
    int debtors;
    @Option(names = "--invoices-per-debtor", defaultValue = "5")
    int invoicesPerDebtor;
    @Option(names = "--data-dir", defaultValue = "target/bench-dunning")
    Path dataDir;
    @Option(names = "--seed", defaultValue = "20260101")
    long seed;

    @Override
    public String name() {
        return "dunning-bench";
    }

    @Override
    public Integer call() throws IOException {
        wipe(dataDir);
        // a full application on a random port: CliContext's non-web context lacks the security beans (see status)
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Creditflow.class).logStartupInfo(false)
                .run("--server.port=0", "--creditflow.data-dir=" + dataDir.toAbsolutePath(),
                        "--creditflow.demo.enabled=false", "--creditflow.messaging.dispatcher.enabled=false",
                        "--db-scheduler.enabled=false", "--logging.level.root=warn")) {
            Clock clock = ctx.getBean(Clock.class);
            LocalDate today = LocalDate.now(clock);
            List<Tenant> made = load(ctx, today);
            long wall = System.nanoTime();
            List<DunningRuns.Run> results = new ArrayList<>();
            for (Tenant t : made) {
                results.add(ctx.getBean(DunningRuns.class).run(t.id(), today, "BENCH"));
            }
            report(results, Duration.ofNanos(System.nanoTime() - wall));
        }
        return 0;
    }

    private List<Tenant> load(ConfigurableApplicationContext ctx, LocalDate today) {
        TenantScope scope = ctx.getBean(TenantScope.class);
        BulkIntake intake = ctx.getBean(BulkIntake.class);
        DefaultFlow flow = ctx.getBean(DefaultFlow.class);
        DemoDataGenerator generator = new DemoDataGenerator(seed, today);
        List<Tenant> made = new ArrayList<>();
        int perTenant = debtors / tenants;
        long start = System.nanoTime();
        for (int t = 0; t < tenants; t++) {
            Tenant tenant = ctx.getBean(Tenants.class).create(String.format("bench-%02d", t + 1),
                    "Bench " + (t + 1) + " B.V.", "NL", "nl");
            made.add(tenant);
            try {
                scope.inTenant(tenant.id(), flow::install);
            } catch (DataIntegrityViolationException installedByListener) {
                // the TenantCreated listener was first
            }
            for (int from = 0; from < perTenant; from += 2_000) {
                DemoDataGenerator.Chunk chunk = generator.openBook(t * perTenant + from,
                        Math.min(2_000, perTenant - from), invoicesPerDebtor);
                scope.inTenant(tenant.id(), () -> intake.write(chunk.debtors(), chunk.invoices(), "BENCH"));
            }
            System.out.printf("loaded tenant %d/%d (%d debtors, %d invoices) after %d s%n", t + 1, tenants,
                    perTenant, perTenant * invoicesPerDebtor, (System.nanoTime() - start) / 1_000_000_000);
        }
        return made;
    }

    private void report(List<DunningRuns.Run> runs, Duration wall) {
        long evaluated = runs.stream().mapToLong(DunningRuns.Run::evaluated).sum();
        long messages = runs.stream().mapToLong(DunningRuns.Run::messages).sum();
        long actions = runs.stream().mapToLong(DunningRuns.Run::executed).sum();
        double planSeconds = runs.stream().mapToDouble(r -> seconds(r.startedAt(), r.plannedAt())).sum();
        double executeSeconds = runs.stream().mapToDouble(r -> seconds(r.plannedAt(), r.finishedAt())).sum();
        System.out.printf("""

                | metric | value |
                |---|---|
                | tenants | %d |
                | open invoices evaluated | %,d |
                | planning (set-based SQL), total | %.1f s |
                | **evaluated per second** | **%,.0f** |
                | actions executed | %,d |
                | messages rendered into the outbox | %,d |
                | execution, total | %.1f s |
                | **messages per second** | **%,.0f** |
                | wall time of all runs | %.1f s |
                %n""", runs.size(), evaluated, planSeconds, evaluated / planSeconds, actions, messages,
                executeSeconds, messages / executeSeconds, wall.toMillis() / 1000.0);
    }

    private static double seconds(java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
