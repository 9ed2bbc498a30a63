/**
 * Explainable scorecards and collectability models: WoE binning, logistic-regression scorecards with points and
 * reason codes, a gradient-boosting challenger, validation reports and a model file, usable from the command line
 * without a server ({@code java -jar creditflow.jar scoring cv|train|score}).
 */
@NullMarked
@ApplicationModule
package io.creditflow.scoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
