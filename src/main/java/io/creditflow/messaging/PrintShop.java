package io.creditflow.messaging;

import io.creditflow.messaging.letters.PrintBatches;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Closes print batches on demand (the daily job does it at the configured hand-over time): the letters queued in a
 * tenant become the day's batch and count as sent from {@code now}.
 */
@Component
public class PrintShop {

    private final PrintBatches batches;

    PrintShop(PrintBatches batches) {
        this.batches = batches;
    }

    /** Closes the current tenant's batch of the day; returns how many letters it holds (0: nothing, or closed). */
    public int closeToday(UUID tenant, Instant now) {
        return batches.close(tenant, now);
    }
}
