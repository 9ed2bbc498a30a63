package io.creditflow.scoring;

import java.util.UUID;

/** A person made a model version the champion or the challenger of its purpose. */
public record ModelActivated(UUID tenantId, Purpose purpose, UUID modelId, int version, String role) {
}
