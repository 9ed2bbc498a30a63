/**
 * External sources of a credit check: the gateway that asks every enabled source in parallel with the policy's timeout
 * per source (decide without a late one, and say so), and the file-backed development registers ({@code dev-csv:*}),
 * which are stand-ins for development and tests, not real registers.
 */
@NullMarked
package io.creditflow.acceptance.sources;

import org.jspecify.annotations.NullMarked;
