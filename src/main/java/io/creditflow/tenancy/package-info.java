/**
 * Tenancy and identity: tenants, their console users and roles, API keys for machine clients, the platform operator,
 * and how each of them signs in.
 */
@NullMarked
package io.creditflow.tenancy;

import org.jspecify.annotations.NullMarked;
