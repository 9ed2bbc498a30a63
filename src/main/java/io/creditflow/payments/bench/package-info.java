/**
 * The payments benchmark: a generator of open invoices and of bank statement payments with realistic noise and known
 * truth, the measurement of matching quality per kind of noise, and the {@code payments-bench} command that imports
 * a generated statement against a million open invoices and reports throughput and quality.
 */
@NullMarked
package io.creditflow.payments.bench;

import org.jspecify.annotations.NullMarked;
