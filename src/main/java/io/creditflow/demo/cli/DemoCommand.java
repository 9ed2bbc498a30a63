package io.creditflow.demo.cli;

import io.creditflow.demo.DemoLoader;
import io.creditflow.platform.cli.CliCommand;
import io.creditflow.platform.cli.CliContext;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code demo generate}: fills the database (the embedded one in --data-dir, or SPRING_DATASOURCE_URL) with
 * benchmark-sized demo data: N tenants "bench-1".."bench-N", each with the given number of debtors and their invoices
 * (about 7 per debtor), with or without payment history.
 */
@Command(name = "demo", description = "Demo and benchmark data", mixinStandardHelpOptions = true,
        subcommands = DemoCommand.Generate.class)
public class DemoCommand implements CliCommand {

    @Override
    public String name() {
        return "demo";
    }

    @Command(name = "generate", description = "Generate benchmark tenants with seeded demo data",
            mixinStandardHelpOptions = true)
    static class Generate implements Callable<Integer> {

        @Option(names = "--tenants", defaultValue = "1", description = "number of tenants (bench-1 ...)")
        int tenants;

        @Option(names = "--debtors", defaultValue = "10000", description = "debtors per tenant")
        int debtors;

        @Option(names = "--seed", defaultValue = "20260101")
        long seed;

        @Option(names = "--open-only", description = "no payment history: every invoice stays open")
        boolean openOnly;

        @Option(names = "--data-dir", description = "embedded database directory (default ./data)")
        String dataDir;

        @Override
        public Integer call() {
            String dir = dataDir == null ? "creditflow.data-dir=./data" : "creditflow.data-dir=" + dataDir;
            try (var context = CliContext.start(dir, "creditflow.demo.enabled=false", "db-scheduler.enabled=false")) {
                Tenants all = context.getBean(Tenants.class);
                DemoLoader loader = context.getBean(DemoLoader.class);
                LocalDate today = LocalDate.now(context.getBean(Clock.class));
                long start = System.nanoTime();
                long invoices = 0;
                for (int t = 1; t <= tenants; t++) {
                    String slug = "bench-" + t;
                    Tenant tenant = all.findBySlug(slug).orElseGet(() -> all.create(slug, "Benchmark " + slug, "NL", "nl"));
                    DemoLoader.Loaded loaded = loader.load(tenant.id(), debtors, seed + t, today, !openOnly,
                            done -> { });
                    invoices += loaded.invoices();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%s: %d debtors, %d invoices (total %d invoices, %.0f invoices/s)%n", slug,
                            loaded.debtors(), loaded.invoices(), invoices, invoices / seconds);
                }
                return 0;
            }
        }
    }
}
