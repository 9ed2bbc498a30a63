package io.creditflow.scoring;

import io.creditflow.acceptance.ApplicantScorer;
import io.creditflow.acceptance.Signals;
import io.creditflow.platform.TenantContext;
import io.creditflow.scoring.engine.Contribution;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's fitted acceptance scorecard as acceptance's {@link ApplicantScorer}: a credit policy selects it with
 * {@code "scorer": "scoring-scorecard"} and then decides on the points of the acceptance model a person activated in
 * the model registry (trained on the tenant's own credit checks and their outcomes, or on an uploaded CSV whose
 * columns are the signal names). The policy's cut-offs are in the model's points (600 points at 50:1 good:bad and 20
 * points to double the odds unless the training said otherwise). Every characteristic of the card becomes a factor
 * (points given, most points possible), so the check's reason codes name the characteristics that cost the most; the
 * code is {@code SC_} and the signal's name ({@code history.maxDaysOverdue} gives {@code SC_HISTORY_MAX_DAYS_OVERDUE}).
 * Without an active acceptance model a check under such a policy is refused with "no-active-model" rather than
 * decided on something else.
 */
@Component
class FittedApplicantScorer implements ApplicantScorer {

    static final String ID = "scoring-scorecard";

    /**
     * The version that scored last on this thread, so the check records exactly the version that decided (the
     * champion may change between scoring and recording). Taken once and only in the tenant that scored: a check
     * decided without a score (a restricted applicant) records the tenant's current champion instead.
     */
    private final ThreadLocal<Scored> lastVersion = new ThreadLocal<>();

    private record Scored(java.util.UUID tenant, String version) {
    }
    private final Scoring scoring;

    FittedApplicantScorer(Scoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        Scored scored = lastVersion.get();
        lastVersion.remove();
        return scored != null && scored.tenant().equals(TenantContext.require()) ? scored.version()
                : scoring.championLabel(Purpose.ACCEPTANCE);
    }

    @Override
    public Score score(Signals signals) {
        Scoring.Applicant applicant = scoring.scoreApplicant(signals.asMap(), "credit-check");
        io.creditflow.scoring.Score score = applicant.score();
        lastVersion.set(new Scored(TenantContext.require(), Scoring.label(score.modelVersion(), score.modelId())));
        return points(applicant);
    }

    /** A replayed check (policy simulation): scored by the same champion, not logged, and not the check's version. */
    @Override
    public Score replay(Signals signals) {
        return points(scoring.replayApplicant(signals.asMap()));
    }

    private static Score points(Scoring.Applicant applicant) {
        List<Factor> factors = new ArrayList<>(applicant.contributions().size());
        for (Contribution c : applicant.contributions()) {
            factors.add(new Factor(reasonCode(c.variable()), (int) Math.round(c.points()),
                    (int) Math.round(c.maxPoints())));
        }
        return new Score((int) Math.round(applicant.score().score()), factors);
    }

    /** {@code history.maxDaysOverdue} -> {@code SC_HISTORY_MAX_DAYS_OVERDUE}. */
    static String reasonCode(String variable) {
        String snake = variable.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return "SC_" + snake.toUpperCase(Locale.ROOT);
    }
}
