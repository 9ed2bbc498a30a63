/** Messaging internals: outbox. */
@NullMarked
package io.creditflow.messaging.outbox;

import org.jspecify.annotations.NullMarked;
