package io.creditflow.shared;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/** Fixed seeds for generated round trips: a failing seed shows in the test name and reproduces exactly. */
final class Seeds {

    private Seeds() {
    }

    static LongStream hundred() {
        return new SplittableRandom(20_240_601L).longs(100);
    }
}
