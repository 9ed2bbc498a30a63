package io.creditflow.demo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every 20 ms on a daemon thread and keeps the largest value seen. */
final class HeapSampler {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile long max;

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        Thread t = new Thread(sampler::loop, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return sampler;
    }

    void reset() {
        max = 0;
    }

    long max() {
        return max;
    }

    private void loop() {
        while (true) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > max) {
                max = used;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
