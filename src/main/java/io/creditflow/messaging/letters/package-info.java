/** Messaging internals: letters. */
@NullMarked
package io.creditflow.messaging.letters;

import org.jspecify.annotations.NullMarked;
