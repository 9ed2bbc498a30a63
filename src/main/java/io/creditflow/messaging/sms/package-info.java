/** Messaging internals: sms. */
@NullMarked
package io.creditflow.messaging.sms;

import org.jspecify.annotations.NullMarked;
