/**
 * Receivables: debtors, invoices and credit notes, and the exact ledger per invoice (the open amount is always the sum
 * of its entries, split into principal, costs and interest). Everything else (dunning, payments, scoring) acts on it.
 */
@NullMarked
package io.creditflow.receivables;

import org.jspecify.annotations.NullMarked;
