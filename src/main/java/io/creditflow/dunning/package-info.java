/**
 * Dunning: configurable, legally correct reminder flows. A tenant's flows are versioned data (JSON or YAML): steps at
 * offsets from each invoice's due date (negative: before it), with conditions and actions (e-mail, SMS, letter, call
 * task, webhook, collection case, charging costs and interest). A daily run per tenant evaluates every open invoice
 * in SQL and takes each step at most once, ever; a debtor with several invoices at steps on one day gets one message
 * listing them. Collection costs, statutory interest and the 14-day letter are computed by the law module, whose
 * results are stored as evidence with the invoice.
 * <p>
 * API: {@link io.creditflow.dunning.DunningRuns}, {@link io.creditflow.dunning.Flows},
 * {@link io.creditflow.dunning.DunningPauses}, {@link io.creditflow.dunning.LawCalculators}; events
 * {@link io.creditflow.dunning.CollectionCaseRequested}; extension points
 * {@link io.creditflow.dunning.ScoreBandProvider}, {@link io.creditflow.dunning.PaymentPlanInstalments},
 * {@link io.creditflow.dunning.PayLinks} and
 * {@link io.creditflow.dunning.DunningWebhook}.
 */
@NullMarked
@ApplicationModule(displayName = "Dunning")
package io.creditflow.dunning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
