package io.creditflow.acceptance;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.creditflow.acceptance.sources.SourceStatus;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a credit check as the API returns it. {@code reviewStatus} is PENDING for a referral until a person
 * decides; {@code finalDecision} is then the person's decision ({@code decision} stays what the policy decided).
 * {@code replayed} says the answer is an earlier check's (same Idempotency-Key or same order).
 */
public record CheckResult(UUID checkId, Decision decision, @Nullable Decision finalDecision, int score,
                          String riskBand, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal limit,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal availableLimit, String currency,
                          List<Reason> reasons, List<CheckCondition> conditions, @Nullable String reviewStatus,
                          int policyVersion, String variant, List<SourceStatus> sources, String language,
                          OffsetDateTime createdAt, boolean replayed) {

    public CheckResult {
        reasons = List.copyOf(reasons);
        conditions = List.copyOf(conditions);
        sources = List.copyOf(sources);
    }
}
