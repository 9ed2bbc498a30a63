/**
 * Matching incoming payments to open invoices, in plain Java so it can be tested per kind of noise and benchmarked:
 * candidates come from structured references (with one-typo correction through their check digit), invoice numbers
 * in free text (tolerant to separators, prefixes and one typo), end-to-end ids, the payer's known account and name
 * words, and combinations (several invoices, partial payments, overpayments, costs and interest). Every proposal
 * carries a confidence and the reasons for it; lookups are batched per chunk of payments through a
 * {@link io.creditflow.payments.matching.CandidateSource}.
 */
@NullMarked
package io.creditflow.payments.matching;

import org.jspecify.annotations.NullMarked;
