/** The scoring API (scores, models, training, valuation) and the console pages of the scoring module. */
@NullMarked
package io.creditflow.scoring.web;

import org.jspecify.annotations.NullMarked;
