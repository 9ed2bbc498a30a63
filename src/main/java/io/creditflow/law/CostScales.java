package io.creditflow.law;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The history of collection-cost scales; the one in force on the first day of default applies.
 *
 * @param versions at least one scale, each with its own effective date
 */
public record CostScales(List<CostScale> versions) {

    public CostScales {
        versions = Checks.list("versions", versions).stream()
                .sorted(Comparator.comparing(CostScale::effectiveFrom))
                .toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("versions: at least one scale is required");
        }
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).effectiveFrom().equals(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("versions: two scales take effect on " + versions.get(i).effectiveFrom());
            }
        }
    }

    /** The Dutch scales: the BIK since 2012-07-01 (unchanged since). */
    public static CostScales dutch() {
        return new CostScales(List.of(CostScale.BIK_2012));
    }

    /**
     * The scale in force on a date.
     *
     * @throws IllegalArgumentException naming {@code field} when no scale was in force yet
     */
    public CostScale scaleOn(String field, LocalDate date) {
        CostScale found = null;
        for (CostScale scale : versions) {
            if (!scale.effectiveFrom().isAfter(date)) {
                found = scale;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(field + ": no collection-cost scale in force on " + date
                    + "; the first takes effect on " + versions.getFirst().effectiveFrom());
        }
        return found;
    }
}
