/**
 * Benchmarks run from the command line ({@code java -jar creditflow.jar bench ...}) on data the demo generator makes
 * at scale: they measure, they do not assert.
 */
@NullMarked
package io.creditflow.demo.bench;

import org.jspecify.annotations.NullMarked;
