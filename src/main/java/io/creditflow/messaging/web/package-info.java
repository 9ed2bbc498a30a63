/** Messaging internals: web. */
@NullMarked
package io.creditflow.messaging.web;

import org.jspecify.annotations.NullMarked;
