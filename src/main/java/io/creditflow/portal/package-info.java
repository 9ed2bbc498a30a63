/**
 * Debtor portal: a debtor solves their own case without an account. They arrive through a signed, expiring link in
 * every message ({@link io.creditflow.portal.PortalLinks}) or, from a letter or SMS, with a short code plus a second
 * factor; they see their open and paid invoices with the costs and interest explained, pay, propose a payment plan,
 * promise to pay, dispute, update their contact details, download their data and write to the tenant. Every page runs
 * in the debtor's tenant and shows only that debtor's rows.
 */
@NullMarked
package io.creditflow.portal;

import org.jspecify.annotations.NullMarked;
