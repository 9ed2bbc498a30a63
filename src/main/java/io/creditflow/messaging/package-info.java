/**
 * Messaging: the one outbox every module sends through (dunning, payments, collection, the portal). A producer
 * enqueues an {@link io.creditflow.messaging.OutboundMessage} with an idempotency key; the outbox keeps it encrypted
 * under the key of the person it concerns, and the dispatchers deliver it exactly once per claim across any number of
 * nodes, with retries and backoff: e-mail over SMTP (or to the console mailbox when no SMTP server is configured),
 * SMS through a provider, letters as print-ready PDF collected in a daily print batch, and signed webhooks.
 * Templates in four languages and two tones come from {@link io.creditflow.messaging.MessageTemplates}.
 * <p>
 * The API is this package: {@link io.creditflow.messaging.Outbox}, {@link io.creditflow.messaging.MessageTemplates},
 * {@link io.creditflow.messaging.Letters}, the events {@link io.creditflow.messaging.MessageSent} and
 * {@link io.creditflow.messaging.MessageFailed}, and the extension points {@link io.creditflow.messaging.SmsProvider}
 * and {@link io.creditflow.messaging.ContactRestrictions}.
 */
@NullMarked
@ApplicationModule(displayName = "Messaging")
package io.creditflow.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
