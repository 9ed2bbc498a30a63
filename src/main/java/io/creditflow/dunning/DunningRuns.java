package io.creditflow.dunning;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.dunning.run.RunExecutor;
import io.creditflow.dunning.run.RunPlanner;
import io.creditflow.messaging.ContactRestrictions;
import io.creditflow.platform.Ids;
import io.creditflow.platform.PlannerStatistics;
import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A dunning run of one tenant for one day: plan (one transaction, set-based SQL over every open item), then execute
 * the planned actions a batch of debtors per transaction. Runs are started daily by db-scheduler (once per tenant and
 * day across the cluster, revived on another node if the first dies) and on demand. Any number of runs may overlap,
 * on any number of nodes: planning cannot create an action twice (unique index) and execution cannot take a debtor
 * twice (advisory lock, then the action is DONE), so overlapping runs only share the work.
 */
@Component
public class DunningRuns {

    private static final Logger log = LoggerFactory.getLogger(DunningRuns.class);
    /** Rows a run writes (actions done plus messages) before it first refreshes planner statistics. */
    private static final long STATISTICS_AFTER_ROWS = 8_000;

    private final DSLContext dsl;
    private final TenantScope tenantScope;
    private final RunPlanner planner;
    private final RunExecutor executor;
    private final DunningSettingsStore settings;
    private final ObjectProvider<ContactRestrictions> restrictions;
    private final ObjectProvider<ScoreBandProvider> scores;
    private final ObjectProvider<PaymentPlanInstalments> plans;
    private final AuditLog audit;
    private final PlannerStatistics statistics;
    private final int batchSize;
    private final int workers;

    DunningRuns(DSLContext dsl, TenantScope tenantScope, RunPlanner planner, RunExecutor executor,
                DunningSettingsStore settings, ObjectProvider<ContactRestrictions> restrictions,
                ObjectProvider<ScoreBandProvider> scores, ObjectProvider<PaymentPlanInstalments> plans,
                AuditLog audit, PlannerStatistics statistics,
                @Value("${creditflow.dunning.batch-size:200}") int batchSize,
                @Value("${creditflow.dunning.workers:2}") int workers) {
        this.dsl = dsl;
        this.tenantScope = tenantScope;
        this.planner = planner;
        this.executor = executor;
        this.settings = settings;
        this.restrictions = restrictions;
        this.scores = scores;
        this.plans = plans;
        this.audit = audit;
        this.statistics = statistics;
        this.batchSize = batchSize;
        if (workers < 1) {
            throw new IllegalArgumentException("creditflow.dunning.workers must be at least 1");
        }
        this.workers = workers;
    }

    public record Run(UUID id, LocalDate runDate, String trigger, String status, @Nullable String node,
                      OffsetDateTime startedAt, @Nullable OffsetDateTime plannedAt,
                      @Nullable OffsetDateTime finishedAt, int evaluated, int planned, int skipped, int paused,
                      int restricted, int executed, int messages, int problems, @Nullable String error) {
    }

    /** Plans and executes the run of {@code tenant} for {@code day}; returns the run as recorded. */
    public Run run(UUID tenant, LocalDate day, String trigger) {
        UUID runId = Ids.newId();
        tenantScope.inTenant(tenant, () -> {
            dsl.execute("insert into dunning_run (tenant_id, id, run_date, trigger, status, node, started_at) "
                    + "values (current_tenant(), {0}, {1}, {2}, 'RUNNING', {3}, clock_timestamp())", runId, day, trigger,
                    node());
        });
        try {
            RunPlanner.Counts planned = tenantScope.inTenant(tenant, () -> plan(runId, day));
            if (planned.planned() >= STATISTICS_AFTER_ROWS) {
                // the claim reads the actions just planned: let the planner see this tenant's share of them
                tenantScope.inTenant(tenant, () -> statistics.refresh("dunning_action"));
            }
            execute(tenant, runId, tenantScope.inTenant(tenant, settings::get));
            tenantScope.inTenant(tenant, () -> {
                dsl.execute("update dunning_run set status = 'COMPLETED', finished_at = clock_timestamp() where id = {0}", runId);
                audit.record(AuditEvent.of("dunning.run-completed", "dunning-run", runId).detail("date", day.toString()));
            });
        } catch (RuntimeException e) {
            log.warn("Dunning run {} of tenant {} failed", runId, tenant, e);
            tenantScope.inTenant(tenant, () -> {
                dsl.execute("update dunning_run set status = 'FAILED', finished_at = clock_timestamp(), error = {0} where id = {1}",
                        String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length())),
                        runId);
            });
            throw e;
        }
        return tenantScope.inTenant(tenant, () -> get(runId));
    }

    /**
     * Executes the planned actions with {@code workers} threads, each claiming batches after its own cursor: the
     * claim's advisory locks make them skip each other's debtors exactly as two nodes do, so one node uses both
     * cores (composing messages in Java while the database writes another batch). The first failure stops the
     * other workers after their current batch and fails the run; what was not committed stays planned.
     */
    private void execute(UUID tenant, UUID runId, DunningSettings s) {
        PlannerStatistics.Growth written = PlannerStatistics.growth(STATISTICS_AFTER_ROWS);
        AtomicBoolean stop = new AtomicBoolean();
        if (workers == 1) {
            work(tenant, runId, s, written, stop);
            return;
        }
        List<Future<?>> running = new ArrayList<>(workers);
        try (ExecutorService pool = Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().name("dunning-run-", 1).daemon().factory())) {
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> work(tenant, runId, s, written, stop)));
            }
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                    throw new IllegalStateException("interrupted while the dunning run executed", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void work(UUID tenant, UUID runId, DunningSettings s, PlannerStatistics.Growth written,
                      AtomicBoolean stop) {
        UUID after = null;
        boolean wrapped = false;
        try {
            while (!stop.get()) {
                UUID from = after;
                RunExecutor.BatchResult batch = tenantScope.inTenant(tenant,
                        () -> executor.executeBatch(runId, batchSize, s, from));
                if (batch.debtors() == 0) {
                    if (after == null || wrapped) {
                        return;
                    }
                    // once more from the start: debtors another worker or node held a moment ago, or planned meanwhile
                    after = null;
                    wrapped = true;
                    continue;
                }
                after = batch.last();
                if (written.add(batch.actions() + batch.messages())) {
                    // letters, pay links, portal codes and messages of a tenant new to those tables
                    statistics.refreshStale();
                }
                tenantScope.inTenant(tenant, () -> {
                    dsl.execute("update dunning_run set executed = executed + {0}, messages = messages + {1}, "
                            + "problems = problems + {2} where id = {3}", batch.actions(), batch.messages(),
                            batch.problems(), runId);
                });
            }
        } catch (RuntimeException e) {
            stop.set(true);
            throw e;
        }
    }

    private RunPlanner.Counts plan(UUID runId, LocalDate day) {
        RunPlanner.Counts c = planner.plan(runId, day, settings.get().catchUp(),
                restrictions.getIfAvailable(() -> ContactRestrictions.NONE),
                scores.getIfAvailable(() -> ScoreBandProvider.NO_SCORE),
                plans.getIfAvailable(() -> PaymentPlanInstalments.NONE));
        dsl.execute("""
                update dunning_run set planned_at = clock_timestamp(), evaluated = {0}, paused = {1}, restricted = {2},
                       planned = {3}, skipped = {4} where id = {5}""", c.evaluated(), c.paused(), c.restricted(),
                c.planned(), c.skipped(), runId);
        return c;
    }

    public Run get(UUID runId) {
        return dsl.resultQuery("select * from dunning_run where id = {0}", runId).fetchOptional(this::toRun)
                .orElseThrow(() -> new io.creditflow.platform.NotFoundException("Dunning run", runId));
    }

    /** The current tenant's runs, newest first. */
    public List<Run> history(int limit) {
        return dsl.resultQuery("select * from dunning_run order by started_at desc limit {0}", limit).fetch(this::toRun);
    }

    private Run toRun(org.jooq.Record r) {
        return new Run(r.get("id", UUID.class), r.get("run_date", LocalDate.class), r.get("trigger", String.class),
                r.get("status", String.class), r.get("node", String.class),
                r.get("started_at", OffsetDateTime.class), r.get("planned_at", OffsetDateTime.class),
                r.get("finished_at", OffsetDateTime.class), r.get("evaluated", Integer.class),
                r.get("planned", Integer.class), r.get("skipped", Integer.class), r.get("paused", Integer.class),
                r.get("restricted", Integer.class), r.get("executed", Integer.class),
                r.get("messages", Integer.class), r.get("problems", Integer.class), r.get("error", String.class));
    }

    private static String node() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
