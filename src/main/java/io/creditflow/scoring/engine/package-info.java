/**
 * The pure-Java scoring engine: datasets read from CSV, WoE binning, scorecards, the boosted challenger, validation
 * metrics and cross-validation. No Spring, no database.
 */
@NullMarked
package io.creditflow.scoring.engine;

import org.jspecify.annotations.NullMarked;
