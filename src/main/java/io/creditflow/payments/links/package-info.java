/**
 * Payment links: a page per link where the debtor pays one or more invoices online through a
 * {@link io.creditflow.payments.PaymentProvider}, the provider's webhook (signature checked, each event once), and
 * the sandbox provider that stands in for a real one so the whole flow runs in the demo.
 */
@NullMarked
package io.creditflow.payments.links;

import org.jspecify.annotations.NullMarked;
