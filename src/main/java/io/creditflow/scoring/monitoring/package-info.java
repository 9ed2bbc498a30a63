/**
 * Model monitoring: how far the scored population has moved from the training population, per score (PSI) and per
 * variable (characteristic stability), with the 0.1 / 0.25 alert levels; the log of served scores; and the daily
 * measurement of every active model with its history.
 */
@NullMarked
package io.creditflow.scoring.monitoring;

import org.jspecify.annotations.NullMarked;
