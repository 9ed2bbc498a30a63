/** Messaging internals: templates. */
@NullMarked
package io.creditflow.messaging.templates;

import org.jspecify.annotations.NullMarked;
