/** Dunning internals: web. */
@NullMarked
package io.creditflow.dunning.web;

import org.jspecify.annotations.NullMarked;
