/**
 * Payment plans and promises to pay: instalment schedules, the daily review that finds kept, completed and broken
 * arrangements (after the tenant's grace period), and the pauses dunning asks about.
 */
@NullMarked
package io.creditflow.payments.arrangements;

import org.jspecify.annotations.NullMarked;
