/**
 * The operator's and the tenants' registers: sub-processors with their regions and change notices, personal-data
 * breaches with their impact computed from the audit log and the notifications sent, and the records of processing
 * per tenant (GDPR art. 30(2)) generated from the live configuration.
 */
@NullMarked
package io.creditflow.privacy.records;

import org.jspecify.annotations.NullMarked;
