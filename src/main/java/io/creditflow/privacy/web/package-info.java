/**
 * The privacy module's API ({@code /api/v1/privacy}) and console pages: data-subject requests and rights, retention,
 * records of processing, sub-processors and breach notifications for tenants; sub-processor registry, breach register
 * and offboarding for the operator.
 */
@NullMarked
package io.creditflow.privacy.web;

import org.jspecify.annotations.NullMarked;
