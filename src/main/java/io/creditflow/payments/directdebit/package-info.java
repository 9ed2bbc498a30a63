/**
 * SEPA direct debit files: pain.008.001.02 collection files written per collection date and sequence type, and
 * validated against the schema before they leave the system.
 */
@NullMarked
package io.creditflow.payments.directdebit;

import org.jspecify.annotations.NullMarked;
