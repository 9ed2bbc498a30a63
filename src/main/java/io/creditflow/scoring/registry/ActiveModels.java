package io.creditflow.scoring.registry;

import io.creditflow.platform.TenantContext;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.engine.BoostedModel;
import io.creditflow.scoring.engine.ModelFile;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static io.creditflow.jooq.Tables.SCORING_MODEL;

/**
 * The active models of each tenant and purpose, loaded once and kept in memory: scoring a case is then a few
 * microseconds of arithmetic, never a database read. When a person activates or retires a version, the registry
 * sends {@code NOTIFY scoring_models} in the same transaction; PostgreSQL delivers it at commit to every node that
 * listens, and each drops its entry (this node also drops it directly after commit). If the listening connection
 * breaks, everything is dropped on reconnect, since notifications may have been missed meanwhile.
 */
@Component
public class ActiveModels implements SmartLifecycle {

    static final String CHANNEL = "scoring_models";
    private static final Logger LOG = LoggerFactory.getLogger(ActiveModels.class);
    private static final TypeReference<Map<Algorithm, Bands>> BANDS = new TypeReference<>() { };

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final Map<Key, Active> cache = new ConcurrentHashMap<>();
    private final Map<Key, AtomicLong> generations = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile @Nullable Thread listener;
    private final AtomicLong notificationsHandled = new AtomicLong();

    ActiveModels(DSLContext dsl, DataSource dataSource, JsonMapper json) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The champion (may be absent) and the challenger (may be absent) of a purpose. */
    public record Active(@Nullable ServedModel champion, @Nullable ServedModel challenger) {
    }

    private record Key(UUID tenant, Purpose purpose) {
    }

    /** The current tenant's active models of the purpose, from memory after the first call. */
    public Active get(Purpose purpose) {
        Key key = new Key(TenantContext.require(), purpose);
        Active cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long generation = generation(key).get();
        Active loaded = load(purpose);
        // an invalidation while we were loading means what we read may be stale: serve it once, do not keep it
        cache.compute(key, (k, current) -> generation(key).get() == generation ? loaded : current);
        return loaded;
    }

    public void invalidate(UUID tenant, Purpose purpose) {
        Key key = new Key(tenant, purpose);
        generation(key).incrementAndGet();
        cache.remove(key);
    }

    void invalidateAll() {
        generations.values().forEach(AtomicLong::incrementAndGet);
        cache.clear();
    }

    private AtomicLong generation(Key key) {
        return generations.computeIfAbsent(key, k -> new AtomicLong());
    }

    private Active load(Purpose purpose) {
        ServedModel champion = null;
        ServedModel challenger = null;
        for (var r : dsl.selectFrom(SCORING_MODEL).where(SCORING_MODEL.PURPOSE.eq(purpose.name())
                .and(SCORING_MODEL.ROLE.in(Role.CHAMPION.name(), Role.CHALLENGER.name()))).fetch()) {
            Algorithm algorithm = Algorithm.valueOf(r.getAlgorithm());
            ModelFile file = ModelFile.fromJson(r.getModelFile());
            BoostedModel booster = algorithm == Algorithm.GRADIENT_BOOSTING ? file.challenger().load() : null;
            ServedModel served = new ServedModel(r.getId(), r.getVersion(), purpose, algorithm, file.scorecard(),
                    booster, json.readValue(r.getBands().data(), BANDS).get(algorithm), r.getHorizonDays());
            if (Role.valueOf(r.getRole()) == Role.CHAMPION) {
                champion = served;
            } else {
                challenger = served;
            }
        }
        return new Active(champion, challenger);
    }

    @Override
    public void start() {
        running = true;
        Thread thread = Thread.ofPlatform().daemon().name("scoring-model-listener").unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                invalidateAll();
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5000);
                    for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                        received(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warn("Listening for model activations failed ({}); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void received(String payload) {
        try {
            String[] parts = payload.split(":");
            invalidate(UUID.fromString(parts[0]), Purpose.valueOf(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            LOG.warn("Ignoring a malformed model notification");
        } finally {
            notificationsHandled.incrementAndGet();
        }
    }

    /** Whether this node is listening for other nodes' activations (operations, and tests that wait for it). */
    public boolean listening() {
        return listening;
    }

    /** Activation notifications handled so far (tests wait for their own before asserting on the cache). */
    public long notificationsHandled() {
        return notificationsHandled.get();
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
