/** Dunning internals: run. */
@NullMarked
package io.creditflow.dunning.run;

import org.jspecify.annotations.NullMarked;
