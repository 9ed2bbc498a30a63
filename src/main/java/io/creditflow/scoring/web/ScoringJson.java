package io.creditflow.scoring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.Score;
import io.creditflow.scoring.Scoring;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.training.Trainings;
import io.creditflow.scoring.valuation.PortfolioValuation;
import io.creditflow.scoring.valuation.RecoveryValuation;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scoring API's JSON shapes. Scores are points rounded to one decimal, probabilities to six; money travels as
 * strings with two decimals.
 */
final class ScoringJson {

    private ScoringJson() {
    }

    /** POST /api/v1/scores/{purpose}: the case's features by name, and the debtor it concerns if known. */
    record ScoreRequest(@Nullable Map<String, Object> features, @Nullable UUID debtorId) {
    }

    record ReasonJson(String characteristic, String attribute, double pointsBelowBest) {
    }

    record ChallengerJson(UUID modelId, int modelVersion, double score, String band, double probabilityBad) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScoreResponse(String purpose, UUID modelId, int modelVersion, String algorithm, double score, String band,
                         double probabilityBad, @Nullable Double probabilityOfCollection, List<ReasonJson> reasons,
                         @Nullable ChallengerJson challenger) {

        static ScoreResponse of(Score s) {
            Score.Challenger c = s.challenger();
            return new ScoreResponse(s.purpose().path(), s.modelId(), s.modelVersion(), s.algorithm(),
                    round(s.score(), 1), s.band(), round(s.probabilityBad(), 6),
                    s.purpose() == Purpose.COLLECTABILITY ? round(s.probabilityOfCollection(), 6) : null,
                    s.reasons().stream().map(r -> new ReasonJson(r.characteristic(), r.attribute(),
                            round(r.pointsBelowBest(), 1))).toList(),
                    c == null ? null : new ChallengerJson(c.modelId(), c.modelVersion(), round(c.score(), 1),
                            c.band(), round(c.probabilityBad(), 6)));
        }
    }

    record DebtorScoreResponse(UUID debtorId, @Nullable ScoreResponse worst, Map<UUID, ScoreResponse> invoices) {

        static DebtorScoreResponse of(Scoring.DebtorScore s) {
            Map<UUID, ScoreResponse> invoices = new java.util.LinkedHashMap<>();
            s.invoices().forEach((id, score) -> invoices.put(id, ScoreResponse.of(score)));
            return new DebtorScoreResponse(s.debtorId(), s.worst() == null ? null : ScoreResponse.of(s.worst()),
                    invoices);
        }
    }

    record TrainingResponse(UUID id, String purpose, String source, @Nullable String sourceName, String status,
                            int progress, @Nullable String stage, @Nullable String error, @Nullable UUID modelId) {

        static TrainingResponse of(Trainings.Training t) {
            return new TrainingResponse(t.id(), t.purpose().path(), t.source(), t.sourceName(), t.status().name(),
                    t.progress(), t.stage(), t.error(), t.modelId());
        }
    }

    record ModelList(List<ModelCard> items) {
    }

    record ValuationLine(String segment, String age, int receivables, String open, String expectedRecovery,
                         String recoveryRate) {
    }

    record WorkItemJson(UUID invoiceId, String invoiceNumber, UUID debtorId, String segment, String openAmount,
                        int daysPastDue, double probabilityOfCollection, String band, String expectedRecovery) {
    }

    record ValuationResponse(UUID modelId, int modelVersion, int horizonDays, String open, String expectedRecovery,
                             List<ValuationLine> lines) {

        static ValuationResponse of(PortfolioValuation.Valuation v) {
            return new ValuationResponse(v.modelId(), v.modelVersion(), v.horizonDays(), money(v.open()),
                    money(v.expectedRecovery()), v.lines().stream().map(ValuationResponse::line).toList());
        }

        private static ValuationLine line(RecoveryValuation.Line l) {
            return new ValuationLine(l.segment(), l.age().name(), l.receivables(), money(l.open()),
                    money(l.expectedRecovery()), l.recoveryRate().toPlainString());
        }
    }

    static WorkItemJson workItem(PortfolioValuation.WorkItem w) {
        return new WorkItemJson(w.invoiceId(), w.invoiceNumber(), w.debtorId(), w.segment(), money(w.openAmount()),
                w.daysPastDue(), round(w.probabilityOfCollection(), 6), w.band(), money(w.expectedRecovery()));
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
