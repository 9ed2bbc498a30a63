package io.creditflow.acceptance.sources;

import io.creditflow.acceptance.ApplicantType;
import io.creditflow.acceptance.ExternalSource;
import io.creditflow.acceptance.SignalNames;
import io.creditflow.acceptance.policy.PolicyDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the sources a policy enables, all at once on virtual threads, as soon as the input is verified (so they run
 * while the database gathers the tenant's own facts), and collects each answer until that source's deadline. A source
 * that is late is cancelled and the check goes on without it; its absence is a signal ({@link
 * SignalNames#SOURCES_UNAVAILABLE}) that the policy turns into a reason (and, if it says so, a referral).
 */
@Component
public class SourceGateway implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SourceGateway.class);

    private final Map<ExternalSource.Kind, ExternalSource> sources = new EnumMap<>(ExternalSource.Kind.class);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    SourceGateway(List<ExternalSource> installed) {
        for (ExternalSource s : installed) {
            ExternalSource present = sources.get(s.kind());
            // a real provider wins over the development stand-in of the same kind
            if (present == null || (present.development() && !s.development())) {
                sources.put(s.kind(), s);
            }
        }
    }

    /** Answers being gathered for one check. */
    public final class Pending {
        private final List<Asked> asked;

        private Pending(List<Asked> asked) {
            this.asked = asked;
        }

        /** Waits for each answer until its deadline; never longer than the slowest timeout from {@link #ask}. */
        public Results await() {
            Map<String, Object> signals = new LinkedHashMap<>();
            List<SourceStatus> statuses = new ArrayList<>();
            Map<String, String> details = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            for (Asked a : asked) {
                SourceStatus status = a.collect(signals, details);
                statuses.add(status);
                if (!status.answered()) {
                    unavailable.add(a.kind.name());
                }
            }
            if (!unavailable.isEmpty()) {
                signals.put(SignalNames.SOURCES_UNAVAILABLE, String.join(",", unavailable));
            }
            return new Results(signals, statuses, details);
        }
    }

    /** Signals from the answers, the status of every source asked, and the raw answers (personal: encrypt them). */
    public record Results(Map<String, Object> signals, List<SourceStatus> statuses, Map<String, String> details) {
    }

    public Pending ask(PolicyDocument policy, ApplicantType type, ExternalSource.Query query) {
        List<Asked> asked = new ArrayList<>();
        long now = System.nanoTime();
        policy.sources().forEach((kindName, setting) -> {
            if (!setting.appliesTo(type)) {
                return;
            }
            ExternalSource.Kind kind = ExternalSource.Kind.valueOf(kindName);
            ExternalSource source = sources.get(kind);
            if (source == null) {
                asked.add(new Asked(kind, null, null, now, now));
                return;
            }
            CompletableFuture<ExternalSource.Answer> future = CompletableFuture.supplyAsync(() -> {
                try {
                    return source.ask(query);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
            asked.add(new Asked(kind, source, future, now, now + TimeUnit.MILLISECONDS.toNanos(setting.timeoutMillis())));
        });
        return new Pending(asked);
    }

    private static final class Asked {
        private final ExternalSource.Kind kind;
        private final ExternalSource source;
        private final CompletableFuture<ExternalSource.Answer> future;
        private final long started;
        private final long deadline;

        Asked(ExternalSource.Kind kind, ExternalSource source, CompletableFuture<ExternalSource.Answer> future,
              long started, long deadline) {
            this.kind = kind;
            this.source = source;
            this.future = future;
            this.started = started;
            this.deadline = deadline;
        }

        SourceStatus collect(Map<String, Object> signals, Map<String, String> details) {
            if (source == null) {
                return new SourceStatus(kind.name(), "-", "NOT_INSTALLED", 0, false);
            }
            String status;
            try {
                ExternalSource.Answer answer = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                signals.putAll(answer.signals());
                details.put(kind.name(), answer.detail());
                status = answer.status().name();
            } catch (TimeoutException e) {
                future.cancel(true);
                status = "TIMEOUT";
            } catch (ExecutionException e) {
                log.warn("Source {} failed: {}", source.name(), e.getCause() == null ? e : e.getCause().toString());
                status = "ERROR";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                status = "TIMEOUT";
            }
            return new SourceStatus(kind.name(), source.name(), status,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), source.development());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
