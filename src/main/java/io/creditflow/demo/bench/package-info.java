/** Benchmarks that run on data the demo generator makes at scale ({@code creditflow dunning-bench}). */
@NullMarked
package io.creditflow.demo.bench;

import org.jspecify.annotations.NullMarked;
