/**
 * Training data and serving features from the tenant's own history, in set-based SQL: collectability cases (per
 * invoice at its issue date, its due date and each dunning step: paid within N days?) with features of the ledger,
 * the dunning history, payment plans and the debtor's behaviour, all computed AS OF the case's date; and acceptance
 * outcomes (credit checks whose orders later went bad: the checks come from acceptance's public
 * {@code InvoicedChecks}, their invoices' payment outcomes from the ledger). The ledger, dunning and plan tables are
 * read with set-based SQL (dunning and plans may not be installed; their features are then absent).
 */
@NullMarked
package io.creditflow.scoring.history;

import org.jspecify.annotations.NullMarked;
