package io.creditflow.scoring.engine;

import java.util.List;
import java.util.Map;

/**
 * The segments of a segmented scorecard (Siddiqi, "Credit Risk Scorecards", ch. 6): the population is split on the
 * bins of one characteristic, and each segment has a card of its own (its own binning, coefficients and points),
 * found by {@link Segmenter}. A case is scored, explained and given reason codes by its segment's card alone.
 *
 * @param binning       the binning of the split variable on the whole training data
 * @param segments      the segments; every bin of {@code binning} belongs to exactly one
 * @param unseenSegment the segment of a case whose split value falls in no bin (a new code, or missing where
 *                      training had none): the segment with more training rows, the population most cases come from
 */
public record Segments(Binning binning, List<Segment> segments, int unseenSegment) {

    /**
     * One segment and its card.
     *
     * @param name  the split variable and the attributes of the segment, e.g. {@code "PAY_0: 0"}
     * @param bins  the bins of the split variable in this segment, as indices into {@code binning.bins()}
     * @param rows  training rows in the segment
     * @param bads  training bads in the segment
     */
    public record Segment(String name, List<Integer> bins, long rows, long bads, Scorecard scorecard) {

        public Segment {
            bins = List.copyOf(bins);
        }
    }

    public Segments {
        segments = List.copyOf(segments);
        if (segments.size() < 2 || unseenSegment < 0 || unseenSegment >= segments.size()) {
            throw new IllegalArgumentException("a segmented card needs at least two segments and a segment for "
                    + "unseen values");
        }
    }

    public String variable() {
        return binning.variable();
    }

    /** The index of the segment of a bin of the split variable (or {@link Binning#UNSEEN}). */
    public int segmentOfBin(int bin) {
        for (int s = 0; s < segments.size(); s++) {
            if (segments.get(s).bins().contains(bin)) {
                return s;
            }
        }
        return unseenSegment;
    }

    /** The segment of a case given as raw values by variable name. */
    public Segment of(Map<String, ?> values) {
        return segments.get(segmentOfBin(binning.binOfCase(values)));
    }

    /** The segment index of every row of the data. */
    public int[] segmentsOf(Dataset data) {
        int[] bins = binning.binsOf(data);
        int[] segment = new int[bins.length];
        for (int r = 0; r < bins.length; r++) {
            segment[r] = segmentOfBin(bins[r]);
        }
        return segment;
    }
}
