/**
 * The payments module's REST API and console pages: statement imports and their entries, the reconciliation queue,
 * payment plans and promises, direct debit, payment links and the settings.
 */
@NullMarked
package io.creditflow.payments.web;

import org.jspecify.annotations.NullMarked;
