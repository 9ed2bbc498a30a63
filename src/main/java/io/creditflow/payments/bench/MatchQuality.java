package io.creditflow.payments.bench;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matching quality against the generated truth, per kind of noise: how many payments were applied without a person
 * (automation), how many of those went exactly to the invoices the payer meant (precision), and for the rest how
 * often the best suggestion in the queue was the right one.
 */
public final class MatchQuality {

    /** Counts for one kind of noise. */
    public static final class Counts {
        int payments;
        int automatic;
        int automaticCorrect;
        int queued;
        int queuedBestCorrect;

        public int payments() {
            return payments;
        }

        public int automatic() {
            return automatic;
        }

        public int automaticCorrect() {
            return automaticCorrect;
        }

        public double precision() {
            return automatic == 0 ? 1 : automaticCorrect / (double) automatic;
        }

        public double automation() {
            return payments == 0 ? 0 : automatic / (double) payments;
        }

        public double queueHelp() {
            return queued == 0 ? 0 : queuedBestCorrect / (double) queued;
        }
    }

    private final Map<Noise, Counts> byNoise = new EnumMap<>(Noise.class);

    /**
     * Records one payment.
     *
     * @param applied the invoice numbers applied automatically (null when it went to the queue)
     * @param bestSuggestion the invoice numbers of the best suggestion when queued (null when there was none)
     */
    public void record(Noise noise, List<String> truth, List<String> applied, List<String> bestSuggestion,
                       boolean automatic) {
        Counts counts = byNoise.computeIfAbsent(noise, n -> new Counts());
        counts.payments++;
        if (automatic) {
            counts.automatic++;
            if (!truth.isEmpty() && new HashSet<>(truth).equals(new HashSet<>(applied))) {
                counts.automaticCorrect++;
            }
        } else {
            counts.queued++;
            if (!truth.isEmpty() && new HashSet<>(truth).equals(new HashSet<>(bestSuggestion))) {
                counts.queuedBestCorrect++;
            }
        }
    }

    public Map<Noise, Counts> byNoise() {
        return byNoise;
    }

    public Counts total() {
        Counts total = new Counts();
        byNoise.values().forEach(c -> {
            total.payments += c.payments;
            total.automatic += c.automatic;
            total.automaticCorrect += c.automaticCorrect;
            total.queued += c.queued;
            total.queuedBestCorrect += c.queuedBestCorrect;
        });
        return total;
    }

    /** Payments that are for invoices at all (the money not meant for any invoice is left out of the automation share). */
    public Counts forInvoices() {
        Counts total = new Counts();
        byNoise.forEach((noise, c) -> {
            if (noise != Noise.UNRELATED) {
                total.payments += c.payments;
                total.automatic += c.automatic;
                total.automaticCorrect += c.automaticCorrect;
                total.queued += c.queued;
                total.queuedBestCorrect += c.queuedBestCorrect;
            }
        });
        return total;
    }

    /** A Markdown table: one row per kind of noise and the totals. */
    public String table() {
        StringBuilder out = new StringBuilder("| kind of payment | payments | applied automatically | correct when "
                + "automatic | best queue suggestion right |\n|---|---:|---:|---:|---:|\n");
        byNoise.forEach((noise, c) -> out.append(row(noise.description(), c)));
        out.append(row("**all payments**", total()));
        return out.toString();
    }

    private static String row(String label, Counts c) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.2f %% (%d/%d) | %s |%n", label, c.payments,
                100 * c.automation(), 100 * c.precision(), c.automaticCorrect, c.automatic,
                c.queued == 0 ? "-" : String.format(Locale.ROOT, "%.1f %% of %d", 100 * c.queueHelp(), c.queued));
    }
}
