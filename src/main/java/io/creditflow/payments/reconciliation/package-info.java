/**
 * Reconciliation: importing bank statements (one transaction per file, idempotent by the bank's entry references),
 * matching each payment against the tenant's invoices in the database, applying what is certain enough by law
 * (costs, interest, principal; designated invoices first, then due, then oldest), handling returns and reversals,
 * and the queue where a person decides the rest.
 */
@NullMarked
package io.creditflow.payments.reconciliation;

import org.jspecify.annotations.NullMarked;
