/**
 * Acceptance: real-time credit checks at checkout or order entry ("may this customer buy this on credit?"), with an
 * immediate, explainable answer (ACCEPT, REFER or REJECT with score, risk band, limit, reasons in Dutch and English
 * and conditions) that is logged immutably; credit limits per identity with exposure (outstanding invoices plus open
 * orders plus this order) serialised per identity so that simultaneous orders cannot both pass a limit that fits only
 * one; versioned per-tenant policies with knock-out rules, score cut-offs, limit formulas, a champion/challenger split
 * and a simulation; a review queue for referrals and GDPR art. 22 requests; limit monitoring with alerts.
 *
 * <p>Public API: {@link io.creditflow.acceptance.CreditChecks}, the request and result records, the extension points
 * {@link io.creditflow.acceptance.ApplicantScorer} (plug a fitted scorecard in), {@link
 * io.creditflow.acceptance.ExternalSource} (company register, insolvency register, address register, credit bureau)
 * and {@link io.creditflow.acceptance.WebhookSender}, {@link io.creditflow.acceptance.InvoicedChecks} (checks whose
 * orders became invoices, with the signals the decision saw: the scoring module's acceptance training data), and the
 * events it publishes.
 */
@NullMarked
@ApplicationModule
package io.creditflow.acceptance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
