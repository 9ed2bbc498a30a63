package io.creditflow.messaging.outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.Semaphore;

/**
 * Wakes this node's dispatcher right after a transaction that enqueued messages commits, so a message goes out within
 * milliseconds instead of at the next poll; other nodes find it at their next poll.
 */
@Component
public class OutboxSignals {

    private final Semaphore wake = new Semaphore(0);

    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Waits up to {@code millis} for a wake-up. */
    boolean await(long millis) throws InterruptedException {
        boolean woken = wake.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        wake.drainPermits();
        return woken;
    }
}
