/**
 * Collection: amicable collection cases and the hand-off to a bailiff or collection agency, and the tenant's
 * webhooks. When a dunning step asks for a case ({@link io.creditflow.dunning.CollectionCaseRequested}), the debtor's
 * overdue claims are grouped into one open case per debtor that moves through its {@link io.creditflow.collection.Stage}s
 * (each with its own message, costs and interest by the law module, booked on the ledger), daily by a cluster-safe job
 * or by a collector. A case places a legal hold on the debtor's data and releases it when paid. Where the platform
 * collects for third parties (WKI) a dossier is kept at least two years after closing. Hand-offs go through a
 * {@link io.creditflow.collection.CollectionAgency}; webhooks deliver receivables, payments, case and check events to
 * the tenant's endpoints, signed, through the messaging outbox.
 * <p>
 * API: {@link io.creditflow.collection.CollectionCases}; events {@link io.creditflow.collection.CaseOpened},
 * {@link io.creditflow.collection.CaseStageChanged}, {@link io.creditflow.collection.CaseClosed}.
 */
@NullMarked
@ApplicationModule(displayName = "Collection")
package io.creditflow.collection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
