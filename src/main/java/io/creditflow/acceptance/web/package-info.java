/** The acceptance module's REST API ({@code /api/v1/credit-checks}, policies, reviews, limits) and console pages. */
@NullMarked
package io.creditflow.acceptance.web;

import org.jspecify.annotations.NullMarked;
