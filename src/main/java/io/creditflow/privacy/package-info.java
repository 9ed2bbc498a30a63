/**
 * Privacy: the processor's promises as features. Personal data is encrypted at rest with a key per data subject
 * (crypto-shredding on erasure), searchable through keyed blind indexes; data-subject rights, retention, offboarding,
 * records of processing and the breach register build on it.
 */
@NullMarked
package io.creditflow.privacy;

import org.jspecify.annotations.NullMarked;
