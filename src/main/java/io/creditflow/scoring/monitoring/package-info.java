/**
 * Model monitoring as pure functions: how far the scored population has moved from the training population, per
 * score (PSI) and per variable (characteristic stability), with the 0.1 / 0.25 alert levels.
 */
@NullMarked
package io.creditflow.scoring.monitoring;

import org.jspecify.annotations.NullMarked;
