/**
 * Training runs: a CSV upload (any tabular data with a target column) or the tenant's own history, accepted after
 * the data has been read and checked, then trained by a db-scheduler task on any node with its progress recorded,
 * ending in a new candidate version in the registry.
 */
@NullMarked
package io.creditflow.scoring.training;

import org.jspecify.annotations.NullMarked;
