/**
 * Data-subject rights carried out on the tenant's instruction, across every module through the
 * {@link io.creditflow.privacy.PersonalDataContributor} SPI: the access export (JSON and PDF), rectification with its
 * history, erasure with its certificate, and the privacy module's own contributions (its registers, the audit trail).
 */
@NullMarked
package io.creditflow.privacy.rights;

import org.jspecify.annotations.NullMarked;
