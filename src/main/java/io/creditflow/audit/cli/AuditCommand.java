package io.creditflow.audit.cli;

import io.creditflow.audit.AuditSealer;
import io.creditflow.audit.AuditVerification;
import io.creditflow.audit.AuditVerifier;
import io.creditflow.platform.TenantContext;
import io.creditflow.platform.cli.CliCommand;
import io.creditflow.platform.cli.CliContext;
import org.jooq.DSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.creditflow.jooq.Tables.TENANT;

/** {@code audit verify [--tenant slug|id|platform]}: checks the hash chains; exit code 1 if any link is broken. */
@Command(name = "audit", description = "Audit log tools", subcommands = AuditCommand.Verify.class,
        mixinStandardHelpOptions = true)
public class AuditCommand implements CliCommand {

    @Override
    public String name() {
        return "audit";
    }

    @Command(name = "verify", description = "Verify the audit hash chain of one tenant (or all) and name the first "
            + "broken link", mixinStandardHelpOptions = true)
    static class Verify implements Callable<Integer> {

        @Option(names = "--tenant", description = "tenant slug or id, 'platform' for the operator chain; default all")
        String tenant;

        @Override
        public Integer call() {
            try (var context = CliContext.start("creditflow.demo.enabled=false", "db-scheduler.enabled=false")) {
                DSLContext dsl = context.getBean(DSLContext.class);
                AuditVerifier verifier = context.getBean(AuditVerifier.class);
                AuditSealer sealer = context.getBean(AuditSealer.class);
                List<UUID> tenants = new ArrayList<>();
                if (tenant == null) {
                    tenants.add(TenantContext.PLATFORM);
                    tenants.addAll(dsl.select(TENANT.ID).from(TENANT).fetch(TENANT.ID));
                } else if (tenant.equals("platform")) {
                    tenants.add(TenantContext.PLATFORM);
                } else {
                    tenants.add(dsl.select(TENANT.ID).from(TENANT)
                            .where(TENANT.SLUG.eq(tenant).or(TENANT.ID.cast(String.class).eq(tenant)))
                            .fetchOptional(TENANT.ID)
                            .orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenant)));
                }
                boolean allValid = true;
                for (UUID id : tenants) {
                    sealer.seal(id);
                    AuditVerification v = verifier.verify(id);
                    allValid &= v.valid();
                    System.out.println(v.valid()
                            ? "OK      " + id + ": " + v.entriesChecked() + " entries, chain intact"
                            : "BROKEN  " + id + ": " + v.problem() + " (first broken entry: " + v.firstBrokenSeq() + ")");
                }
                return allValid ? 0 : 1;
            }
        }
    }
}
