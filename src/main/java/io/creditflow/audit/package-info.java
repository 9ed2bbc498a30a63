/**
 * Audit: an append-only, hash-chained log per tenant of every change of business data and every read of personal
 * data (who, what, when, from where, why), with verification that names the first broken link.
 */
@NullMarked
package io.creditflow.audit;

import org.jspecify.annotations.NullMarked;
