/**
 * Dutch collection law computed exactly: collection costs (art. 6:96 BW and the BIK scale), statutory interest
 * (art. 6:119 and 6:119a BW), the 14-day letter (art. 6:96 lid 6 BW) and payment allocation (art. 6:43 and 6:44 BW).
 * <p>
 * Pure Java: no Spring beans, no database, no clock. Inputs are plain values (amounts as {@link java.math.BigDecimal}
 * with at most two decimals, dates as {@link java.time.LocalDate}); rates, brackets and amounts set by law are data
 * ({@link io.creditflow.law.CostScale}, {@link io.creditflow.law.InterestRateTable}) so an operator can correct them
 * without touching the logic. Every result explains itself so a console page can show the computation. Bad input
 * fails with an {@link java.lang.IllegalArgumentException} whose message starts with the name of the field.
 */
@NullMarked
@ApplicationModule(displayName = "Collection law")
package io.creditflow.law;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
