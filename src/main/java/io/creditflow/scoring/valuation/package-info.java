/**
 * Portfolio valuation: as pure functions: the expected recovery of each open receivable (open amount times the
 * probability of collection, discounted to today) and its totals by segment and age bucket.
 */
@NullMarked
package io.creditflow.scoring.valuation;

import org.jspecify.annotations.NullMarked;
