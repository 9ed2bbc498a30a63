package io.creditflow.collection;

import java.util.UUID;

/** A collection case entered a stage ({@code trigger}: SCHEDULED by the daily job, MANUAL by a collector). */
public record CaseStageChanged(UUID tenantId, UUID caseId, UUID debtorId, Stage from, Stage to, String trigger) {
}
