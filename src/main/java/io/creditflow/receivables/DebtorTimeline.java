package io.creditflow.receivables;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A debtor's history as the debtor page shows it: its invoices (issued, settled) and what other modules contribute
 * (messages sent, payments, checks), newest first. The access export uses the same list, so it shows what the page
 * shows.
 */
@Component
public class DebtorTimeline {

    private final List<TimelineEntry.Contributor> contributors;

    DebtorTimeline(List<TimelineEntry.Contributor> contributors) {
        this.contributors = contributors;
    }

    public List<TimelineEntry> of(UUID debtorId, List<Invoice> invoices, int limit) {
        List<TimelineEntry> timeline = new ArrayList<>();
        for (Invoice i : invoices) {
            timeline.add(new TimelineEntry(i.createdAt(), "invoice", "Invoice " + i.number() + " (" + i.amount()
                    + " " + i.currency() + ")", "/console/invoices/" + i.id()));
            if (i.settledAt() != null) {
                timeline.add(new TimelineEntry(i.settledAt(), "settled", "Invoice " + i.number() + " "
                        + i.status().name().toLowerCase(), "/console/invoices/" + i.id()));
            }
        }
        contributors.forEach(c -> timeline.addAll(c.timeline(debtorId, limit)));
        timeline.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return timeline.stream().limit(limit).toList();
    }
}
