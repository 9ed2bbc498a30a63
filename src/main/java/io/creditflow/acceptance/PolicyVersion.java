package io.creditflow.acceptance;

import io.creditflow.acceptance.policy.PolicyDocument;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/**
 * One version of a tenant's policy: DRAFT (saved, not deciding; a change is a new version), ACTIVE (deciding), or
 * RETIRED.
 */
public record PolicyVersion(int version, String status, PolicyDocument document, String json, @Nullable String note,
                            OffsetDateTime createdAt, @Nullable String createdBy, @Nullable OffsetDateTime activatedAt,
                            @Nullable String activatedBy) {
}
