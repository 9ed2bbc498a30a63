/**
 * Readable PDF versions of the privacy module's documents (access export, erasure and deletion certificates, records
 * of processing), rendered from the same data as their JSON versions so that the two never disagree.
 */
@NullMarked
package io.creditflow.privacy.documents;

import org.jspecify.annotations.NullMarked;
