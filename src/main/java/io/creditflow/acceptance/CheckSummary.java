package io.creditflow.acceptance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of the check log (no personal data: the console's list shows codes and amounts only). */
public record CheckSummary(UUID id, OffsetDateTime createdAt, String applicantType, Decision decision, int score,
                           String riskBand, BigDecimal amount, BigDecimal limit, BigDecimal available,
                           int policyVersion, String variant, int latencyMicros, String firstReason,
                           @Nullable String channel) {

    /** Filters of the check log; any may be null. */
    public record Filter(@Nullable Decision decision, @Nullable String variant, @Nullable Integer policyVersion,
                         @Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable BigDecimal minAmount,
                         @Nullable String applicantType) {
    }
}
