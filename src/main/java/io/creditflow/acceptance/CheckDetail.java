package io.creditflow.acceptance;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.creditflow.acceptance.policy.Evaluation;
import io.creditflow.acceptance.sources.SourceStatus;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A logged check in full: the answer, the order, the verified inputs and the raw external answers (decrypted; null
 * once the person was erased), every signal, the rules that fired, the scorer, the latency, the reservation and the
 * reviews. What an access request and an art. 22 explanation show.
 */
public record CheckDetail(CheckResult result, UUID identityId, UUID subjectId, Order order,
                          @Nullable Map<String, Object> inputs, @Nullable Map<String, Object> answers,
                          Map<String, Object> signals, List<Evaluation.FiredRule> rulesFired,
                          List<ApplicantScorer.Factor> factors, String scorer,
                          int latencyMicros, @Nullable String actor, @Nullable String reservationStatus,
                          List<Review> reviews) {

    public record Order(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, @Nullable String channel, @Nullable String productCategory,
                        @Nullable String reference) {
    }

    public record Review(UUID id, String kind, String status, String requestedAt, @Nullable String requestedBy,
                         @Nullable String requestNote, @Nullable Decision decision,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal approvedAmount,
                         @Nullable String reason, @Nullable String decidedBy, @Nullable String decidedAt) {
    }

    public List<SourceStatus> sources() {
        return result.sources();
    }
}
