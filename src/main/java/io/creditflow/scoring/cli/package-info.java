/** The {@code scoring} command line: cross-validate, train, score; no Spring context, so it starts in a second. */
@NullMarked
package io.creditflow.scoring.cli;

import org.jspecify.annotations.NullMarked;
