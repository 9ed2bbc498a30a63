package io.creditflow.dunning.run;

import io.creditflow.demo.DemoDataGenerator;
import io.creditflow.dunning.DefaultFlow;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.platform.TenantScope;
import io.creditflow.receivables.BulkIntake;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The process that {@link DunningRunKilledMidRunIntegrationTest} kills: Creditflow on a persistent data directory,
 * with a tenant's open book, running the day's dunning run slowly enough to be killed between batches ({@code run}),
 * or reporting what the database holds ({@code check}). Prints one line per claimed batch so the test knows when.
 */
public final class DunningKillTarget {

    static final String SLUG = "kill-test";
    static final int DEBTORS = 2_000;

    private DunningKillTarget() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ConfigurableApplicationContext ctx = SpringApplication.run(io.creditflow.Creditflow.class,
                "--server.port=0", "--creditflow.data-dir=" + args[1], "--creditflow.demo.enabled=false",
                "--creditflow.messaging.dispatcher.enabled=false", "--db-scheduler.enabled=false",
                "--logging.level.root=warn", "--spring.main.banner-mode=off");
        TenantScope scope = ctx.getBean(TenantScope.class);
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        Tenant tenant = ctx.getBean(Tenants.class).findBySlug(SLUG).orElseGet(() -> book(ctx, today));
        if (mode.equals("run")) {
            long pause = Long.parseLong(args[2]);
            int[] batches = {0};
            ctx.getBean(RunExecutor.class).observer = debtors -> {
                synchronized (batches) {
                    System.out.println("CLAIMED " + ++batches[0] + " " + debtors.size());
                    System.out.flush();
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            DunningRuns.Run run = ctx.getBean(DunningRuns.class).run(tenant.id(), today, "kill-test");
            System.out.println("RUN " + run.status() + " " + run.executed());
        } else {
            Record r = scope.inTenant(tenant.id(), () -> ctx.getBean(DSLContext.class).resultQuery("""
                    select (select count(*) from dunning_action where status = 'PLANNED') as planned,
                           (select count(*) from dunning_action where status = 'DONE') as done,
                           (select count(*) from dunning_action) as actions,
                           (select count(distinct (item_id, flow_id, step_key)) from dunning_action) as steps,
                           (select count(*) from outbox_message where channel = 'EMAIL') as emails,
                           (select count(distinct subject_id) from outbox_message where channel = 'EMAIL') as mailed""").fetchSingle());
            System.out.println("CHECK planned=" + r.get("planned") + " done=" + r.get("done") + " actions="
                    + r.get("actions") + " steps=" + r.get("steps") + " emails=" + r.get("emails") + " mailed="
                    + r.get("mailed"));
        }
        System.out.flush();
        ctx.close();
        System.exit(0);
    }

    private static Tenant book(ConfigurableApplicationContext ctx, LocalDate today) {
        Tenant tenant = ctx.getBean(Tenants.class).create(SLUG, "Kill Test B.V.", "NL", "nl");
        TenantScope scope = ctx.getBean(TenantScope.class);
        try {
            scope.inTenant(tenant.id(), ctx.getBean(DefaultFlow.class)::install);
        } catch (DataIntegrityViolationException installedByListener) {
            // the TenantCreated listener was first
        }
        DemoDataGenerator.Chunk chunk = new DemoDataGenerator(20261121L, today).openBook(0, DEBTORS, 3);
        scope.inTenant(tenant.id(), () -> ctx.getBean(BulkIntake.class).write(chunk.debtors(), chunk.invoices(),
                "KILL-TEST"));
        return tenant;
    }
}
