/** Messaging internals: email. */
@NullMarked
package io.creditflow.messaging.email;

import org.jspecify.annotations.NullMarked;
