/** The validation report of a trained model: a self-contained HTML page with hand-drawn SVG charts. */
@NullMarked
package io.creditflow.scoring.report;

import org.jspecify.annotations.NullMarked;
