package io.creditflow.demo.bench;

import io.creditflow.platform.TenantScope;
import io.creditflow.platform.cli.CliCommand;
import io.creditflow.platform.cli.CliContext;
import io.creditflow.portal.PortalLinks;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.creditflow.jooq.Tables.INVOICE;

/**
 * {@code portal-bench}: prepares the portal's load test on a database the demo generator filled
 * ({@code demo generate --tenants 1 --debtors ...}): writes signed portal links for a seeded random sample of the
 * tenant's debtors that have open invoices, one path per line, for the HTTP load generator
 * ({@code src/bench/java/PortalLoad.java}, run by {@code bench/portal.sh}). Prints how many invoices the database has.
 */
@Command(name = "portal-bench", mixinStandardHelpOptions = true,
        description = "Write portal links of a sample of debtors for the portal load test.")
public final class PortalBenchCommand implements CliCommand, Callable<Integer> {

    @Option(names = "--data-dir", required = true, description = "embedded database directory")
    Path dataDir;
    @Option(names = "--tenant", defaultValue = "bench-1", description = "tenant slug")
    String slug;
    @Option(names = "--sessions", defaultValue = "2000", description = "debtors (portal sessions) to sample")
    int sessions;
    @Option(names = "--out", required = true, description = "file to write the link paths to")
    Path out;

    @Override
    public String name() {
        return "portal-bench";
    }

    @Override
    public Integer call() throws IOException {
        try (var ctx = CliContext.start("creditflow.data-dir=" + dataDir.toAbsolutePath(),
                "creditflow.demo.enabled=false", "db-scheduler.enabled=false", "logging.level.root=warn")) {
            Tenant tenant = ctx.getBean(Tenants.class).findBySlug(slug)
                    .orElseThrow(() -> new IllegalArgumentException("no tenant " + slug + ": run demo generate first"));
            DSLContext dsl = ctx.getBean(DSLContext.class);
            PortalLinks links = ctx.getBean(PortalLinks.class);
            List<String> paths = ctx.getBean(TenantScope.class).inTenant(tenant.id(), () -> {
                long invoices = dsl.fetchCount(INVOICE);
                System.out.printf("tenant %s: %,d invoices%n", slug, invoices);
                // a stable pseudo-random sample: ordered by a hash of the id, not by the id's own order
                List<UUID> debtors = dsl.selectDistinct(INVOICE.DEBTOR_ID, DSL.field("md5({0}::text)", String.class,
                                INVOICE.DEBTOR_ID)).from(INVOICE)
                        .where(INVOICE.STATUS.in("OPEN", "PARTIALLY_PAID")).orderBy(2).limit(sessions)
                        .fetch(INVOICE.DEBTOR_ID);
                return debtors.stream().map(d -> URI.create(links.linkFor(d).toString()).getRawPath()).toList();
            });
            Files.write(out, paths);
            System.out.printf("%d portal links written to %s%n", paths.size(), out);
        }
        return 0;
    }
}
