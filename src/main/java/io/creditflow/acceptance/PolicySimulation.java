package io.creditflow.acceptance;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.creditflow.acceptance.policy.Evaluation;
import io.creditflow.acceptance.policy.PolicyDocument;
import io.creditflow.acceptance.policy.PolicyEvaluator;
import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.CREDIT_CHECK;

/**
 * Replays the last N checks under a draft policy before it is activated: each check's recorded facts (history,
 * exposure, velocity, external answers, as the live decision saw them) are evaluated again, and the outcome compared.
 * What it cannot show: how the replayed checks would have changed each other's exposure (each is replayed on the
 * exposure it met), and how customers would have behaved after a different decision.
 */
@Component
public class PolicySimulation {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    public static final int MAX_CHECKS = 50_000;
    private static final int MAX_LISTED = 200;

    private final DSLContext dsl;
    private final Policies policies;
    private final AuditLog audit;
    private final ObjectReader signalsReader;

    PolicySimulation(DSLContext dsl, Policies policies, AuditLog audit, JsonMapper json) {
        this.dsl = dsl;
        this.policies = policies;
        this.audit = audit;
        this.signalsReader = json.readerFor(MAP).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** How the outcome of one check changes. */
    public record Change(UUID checkId, OffsetDateTime createdAt, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
                         Decision before, Decision after, int scoreBefore, int scoreAfter, String firstReason) {
    }

    /** Totals before and after, the decision matrix (before -> after -> count), and the changed checks. */
    public record Result(int checks, Map<Decision, Integer> before, Map<Decision, Integer> after,
                         Map<Decision, Map<Decision, Integer>> matrix,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal acceptedAmountBefore,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal acceptedAmountAfter,
                         int changed, List<Change> changes) {
    }

    @Transactional(readOnly = true)
    public Result simulate(String draftJson, int lastChecks) {
        if (lastChecks < 1 || lastChecks > MAX_CHECKS) {
            throw new IllegalArgumentException("checks must be between 1 and " + MAX_CHECKS);
        }
        PolicyDocument draft = policies.parseChecked(draftJson);
        Policies.Decider decider = policies.decider(0, "SIMULATION", draft);
        // replays are not scorings: they must not count in the score log and its stability measurements
        ApplicantScorer scorer = decider.scorer().replaying();
        Map<Decision, Integer> before = counts();
        Map<Decision, Integer> after = counts();
        Map<Decision, Map<Decision, Integer>> matrix = new EnumMap<>(Decision.class);
        for (Decision d : Decision.values()) {
            matrix.put(d, counts());
        }
        BigDecimal acceptedBefore = BigDecimal.ZERO;
        BigDecimal acceptedAfter = BigDecimal.ZERO;
        List<Change> changes = new ArrayList<>();
        int changed = 0;
        int n = 0;
        var rows = dsl.select(CREDIT_CHECK.ID, CREDIT_CHECK.CREATED_AT, CREDIT_CHECK.AMOUNT, CREDIT_CHECK.DECISION,
                        CREDIT_CHECK.SCORE, CREDIT_CHECK.SIGNALS).from(CREDIT_CHECK)
                .orderBy(CREDIT_CHECK.CREATED_AT.desc()).limit(lastChecks).fetchSize(1_000).fetchLazy();
        for (var r : rows) {
            n++;
            Decision was = Decision.valueOf(r.value4());
            Map<String, Object> recorded = signalsReader.readValue(r.value6().data());
            Evaluation now = PolicyEvaluator.evaluate(draft, Signals.of(recorded), scorer);
            before.merge(was, 1, Integer::sum);
            after.merge(now.decision(), 1, Integer::sum);
            matrix.get(was).merge(now.decision(), 1, Integer::sum);
            acceptedBefore = was == Decision.ACCEPT ? acceptedBefore.add(r.value3()) : acceptedBefore;
            acceptedAfter = now.decision() == Decision.ACCEPT ? acceptedAfter.add(r.value3()) : acceptedAfter;
            if (was != now.decision()) {
                changed++;
                if (changes.size() < MAX_LISTED) {
                    changes.add(new Change(r.value1(), r.value2(), r.value3(), was, now.decision(),
                            r.value5() == null ? 0 : r.value5(), now.score(), firstCode(now)));
                }
            }
        }
        rows.close();
        audit.record(AuditEvent.of("credit-policy.simulated", "credit-policy", "draft").detail("checks", n)
                .detail("changed", changed));
        return new Result(n, before, after, matrix, acceptedBefore, acceptedAfter, changed, changes);
    }

    private static String firstCode(Evaluation e) {
        return e.reasons().stream().map(Evaluation.ReasonCode::code)
                .filter(c -> !c.equals("ACCEPTED") && !c.equals("REFERRED")).findFirst().orElse("ACCEPTED");
    }

    private static Map<Decision, Integer> counts() {
        Map<Decision, Integer> m = new EnumMap<>(Decision.class);
        for (Decision d : Decision.values()) {
            m.put(d, 0);
        }
        return m;
    }
}
