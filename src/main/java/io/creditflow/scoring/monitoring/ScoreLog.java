package io.creditflow.scoring.monitoring;

import io.creditflow.platform.TenantScope;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.creditflow.jooq.Tables.SCORING_SCORE_LOG;

/**
 * The scores served, written in batches by a background thread: a credit check or a dunning run must not wait for
 * an insert per score. The log is the population the stability monitor compares with training; a node that dies
 * loses at most the last second of it, which moves no PSI. When the queue is full (the database is down), entries
 * are dropped and counted rather than slowing down scoring.
 */
@Component
public class ScoreLog implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreLog.class);
    private static final int CAPACITY = 200_000;

    private final DSLContext dsl;
    private final TenantScope tenants;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread writer;

    ScoreLog(DSLContext dsl, TenantScope tenants) {
        this.dsl = dsl;
        this.tenants = tenants;
    }

    /** One served score. {@code role} is CHAMPION or CHALLENGER; {@code channel} says who asked (api, dunning...). */
    public record Entry(UUID tenantId, UUID modelId, OffsetDateTime scoredAt, double score, double probability,
                        String band, String role, String channel, @Nullable UUID debtorId,
                        @Nullable UUID invoiceId) {
    }

    public void record(Entry entry) {
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
        }
    }

    /** Entries dropped because the queue was full since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes everything queued now (the writer thread does this every second; tests and shutdown call it). */
    public synchronized void flush() {
        List<Entry> batch = new ArrayList<>();
        queue.drainTo(batch);
        Map<UUID, List<Entry>> byTenant = new LinkedHashMap<>();
        batch.forEach(e -> byTenant.computeIfAbsent(e.tenantId(), t -> new ArrayList<>()).add(e));
        byTenant.forEach((tenant, entries) -> tenants.inTenant(tenant, (Runnable) () -> insert(tenant, entries)));
    }

    private void insert(UUID tenant, List<Entry> entries) {
        for (int from = 0; from < entries.size(); from += 1000) {
            var insert = dsl.insertInto(SCORING_SCORE_LOG, SCORING_SCORE_LOG.TENANT_ID, SCORING_SCORE_LOG.MODEL_ID,
                    SCORING_SCORE_LOG.SCORED_AT, SCORING_SCORE_LOG.SCORE, SCORING_SCORE_LOG.PROBABILITY,
                    SCORING_SCORE_LOG.BAND, SCORING_SCORE_LOG.ROLE, SCORING_SCORE_LOG.CHANNEL,
                    SCORING_SCORE_LOG.DEBTOR_ID, SCORING_SCORE_LOG.INVOICE_ID);
            for (Entry e : entries.subList(from, Math.min(entries.size(), from + 1000))) {
                insert = insert.values(tenant, e.modelId(), e.scoredAt(), e.score(), e.probability(), e.band(),
                        e.role(), e.channel(), e.debtorId(), e.invoiceId());
            }
            insert.execute();
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().daemon().name("scoring-score-log").start(this::writeLoop);
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
        }
        flushQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void writeLoop() {
        while (running) {
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            flushQuietly();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Writing served scores failed: {}", e.getMessage());
        }
    }
}
