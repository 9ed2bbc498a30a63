package io.creditflow.payments.matching;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is open on invoices as far as the running import knows: what the database said when the chunk was looked up,
 * minus what payments earlier in the same import were applied to them. Without it, two payments for one invoice in
 * one file would both look like "exactly what is open".
 */
public final class OpenAmounts {

    private final Map<UUID, BigDecimal> applied = new HashMap<>();

    public BigDecimal open(OpenItem item) {
        BigDecimal open = item.openTotal().subtract(applied.getOrDefault(item.invoiceId(), BigDecimal.ZERO));
        return open.signum() < 0 ? BigDecimal.ZERO : open;
    }

    public BigDecimal openOf(List<OpenItem> items) {
        BigDecimal total = BigDecimal.ZERO;
        for (OpenItem item : items) {
            total = total.add(open(item));
        }
        return total;
    }

    /** Records that {@code amount} goes to these invoices, in this order, as far as each has something open. */
    public void apply(List<OpenItem> inOrder, BigDecimal amount) {
        BigDecimal left = amount;
        for (OpenItem item : inOrder) {
            if (left.signum() <= 0) {
                return;
            }
            BigDecimal share = open(item).min(left);
            if (share.signum() > 0) {
                applied.merge(item.invoiceId(), share, BigDecimal::add);
                left = left.subtract(share);
            }
        }
    }

    /** Forgets everything (a new import). */
    public void clear() {
        applied.clear();
    }
}
