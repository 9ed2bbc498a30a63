/**
 * Tenant webhooks: endpoints (URL, event types, a signing secret shown once), deliveries through the messaging
 * outbox (signed {@code X-Creditflow-Signature: t=..,v1=HMAC-SHA256("t.body")}, retried with exponential backoff),
 * the delivery log and replay. Receivables, payments, case and credit-check events are delivered.
 */
@NullMarked
package io.creditflow.collection.webhooks;

import org.jspecify.annotations.NullMarked;
