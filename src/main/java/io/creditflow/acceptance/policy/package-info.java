/**
 * Credit policy as data: a versioned JSON document per tenant with knock-out rules, the policy's own expert scorecard,
 * score cut-offs and risk bands, limit formulas, exposure and source settings, monitoring thresholds and a
 * champion/challenger split; the pure evaluator that turns signals into a decision with reasons (used live and in the
 * simulation that replays past checks under a draft).
 */
@NullMarked
package io.creditflow.acceptance.policy;

import org.jspecify.annotations.NullMarked;
