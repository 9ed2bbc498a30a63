package io.creditflow.scoring;

import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static io.creditflow.jooq.Tables.SCORING_MODEL;
import static io.creditflow.jooq.Tables.SCORING_SCORE_LOG;

/**
 * The scores served about the person (the score log: when, by which model version, score, band, probability, which
 * invoice, who asked). The models themselves hold no one's data: a scorecard is bins and points, the challenger trees
 * of thresholds, both fitted on many cases; a CSV uploaded for training is deleted when its training ends. On erasure
 * the person's scores are deleted, also under a legal hold: a claim rests on the invoices and reminders, not on a
 * risk estimate, and the monitoring that reads the log only needs the population, which loses one person.
 */
@Component
class ScorePersonalData implements PersonalDataContributor {

    private final DSLContext dsl;

    ScorePersonalData(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String section() {
        return "scoring.scores";
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Credit scoring", "Estimating the probability that an order goes bad or that "
                + "an invoice is paid, to decide on credit and on the order of collection work", "Debtors and "
                + "applicants of the controller", List.of("payment behaviour", "scores and risk bands",
                "reason codes"));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        var rows = dsl.select(SCORING_SCORE_LOG.SCORED_AT, SCORING_MODEL.PURPOSE, SCORING_MODEL.NAME,
                        SCORING_MODEL.VERSION, SCORING_SCORE_LOG.ROLE, SCORING_SCORE_LOG.SCORE,
                        SCORING_SCORE_LOG.BAND, SCORING_SCORE_LOG.PROBABILITY, SCORING_SCORE_LOG.CHANNEL,
                        SCORING_SCORE_LOG.INVOICE_ID)
                .from(SCORING_SCORE_LOG).join(SCORING_MODEL)
                .on(SCORING_MODEL.TENANT_ID.eq(SCORING_SCORE_LOG.TENANT_ID)
                        .and(SCORING_MODEL.ID.eq(SCORING_SCORE_LOG.MODEL_ID)))
                .where(SCORING_SCORE_LOG.DEBTOR_ID.eq(subject.debtorId()))
                .orderBy(SCORING_SCORE_LOG.SCORED_AT).fetch();
        List<Map<String, Object>> records = rows.map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scoredAt", r.value1().toString());
            m.put("purpose", r.value2());
            m.put("model", r.value3() + " v" + r.value4());
            m.put("role", r.value5());
            m.put("score", String.format(Locale.ROOT, "%.1f", r.value6()));
            m.put("band", r.value7());
            m.put("probability", String.format(Locale.ROOT, "%.4f", r.value8()));
            m.put("requestedBy", r.value9());
            m.put("invoiceId", r.value10() == null ? null : r.value10().toString());
            return m;
        });
        return new ExportSection(section(), "Scores about you",
                "Credit scoring: deciding on credit and ordering collection work", "Computed by the controller's "
                + "scoring models from your payment history and the data of your credit checks", List.of(), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        int deleted = dsl.deleteFrom(SCORING_SCORE_LOG).where(SCORING_SCORE_LOG.DEBTOR_ID.eq(subject.debtorId()))
                .execute();
        return ErasureReport.of(section()).deleted("scores served (score log)", deleted).build();
    }
}
