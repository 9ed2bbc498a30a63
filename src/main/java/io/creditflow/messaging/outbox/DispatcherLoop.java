package io.creditflow.messaging.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;

/**
 * This node's dispatcher thread: sends what is due, then sleeps until the poll interval passes or a local enqueue
 * wakes it. Every node runs one; the claim's SKIP LOCKED keeps them from sending a message twice.
 */
public final class DispatcherLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

    private final OutboxDispatcher dispatcher;
    private final OutboxSignals signals;
    private final Clock clock;
    private final Duration poll;
    private volatile boolean running;
    private Thread thread;

    public DispatcherLoop(OutboxDispatcher dispatcher, OutboxSignals signals, Clock clock, Duration poll) {
        this.dispatcher = dispatcher;
        this.signals = signals;
        this.clock = clock;
        this.poll = poll;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-dispatcher").daemon(true).start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                int handled = dispatcher.dispatchOnce(clock.instant());
                if (handled == 0) {
                    signals.await(poll.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox dispatch failed; retrying after {}", poll, e);
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        signals.wake();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
