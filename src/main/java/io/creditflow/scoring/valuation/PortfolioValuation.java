package io.creditflow.scoring.valuation;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.TenantContext;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.history.CollectabilityFeatures;
import io.creditflow.scoring.monitoring.ScoreLog;
import io.creditflow.scoring.registry.ActiveModels;
import io.creditflow.scoring.registry.ServedModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;


/**
 * Values the open portfolio with the active collectability champion: every open invoice is scored today (features as
 * of today), its expected recovery is the open amount times the probability of collection within the model's
 * horizon, discounted over that horizon (the latest day the modelled payment arrives: a conservative present value).
 * Segments are the debtor types. Restricted debtors' invoices are left out: they are not scored.
 */
@Component
public class PortfolioValuation {

    private final CollectabilityFeatures collectability;
    private final ActiveModels active;
    private final ScoreLog log;
    private final Clock clock;
    private final RecoveryValuation valuation;

    PortfolioValuation(CollectabilityFeatures collectability, ActiveModels active, ScoreLog log,
                       Clock clock, @Value("${creditflow.scoring.discount-rate:0.08}") double annualDiscountRate) {
        this.collectability = collectability;
        this.active = active;
        this.log = log;
        this.clock = clock;
        this.valuation = new RecoveryValuation(annualDiscountRate);
    }

    /** One line of the collectors' worklist. */
    public record WorkItem(UUID invoiceId, String invoiceNumber, UUID debtorId, String segment, BigDecimal openAmount,
                           int daysPastDue, double probabilityOfCollection, String band, BigDecimal expectedRecovery) {
    }

    /** The valuation: totals per segment and age bucket, the portfolio's totals and the model that valued it. */
    public record Valuation(UUID modelId, int modelVersion, int horizonDays, List<RecoveryValuation.Line> lines,
                            BigDecimal open, BigDecimal expectedRecovery, List<WorkItem> items) {
    }

    public Valuation value() {
        ServedModel model = active.get(Purpose.COLLECTABILITY).champion();
        if (model == null) {
            throw new BusinessRuleException("no-active-model", "No collectability model is active: the portfolio "
                    + "cannot be valued until a person activates one.");
        }
        int horizon = model.horizonDays() == null ? 30 : model.horizonDays();
        List<OpenReceivable> receivables = new ArrayList<>();
        List<WorkItem> items = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (CollectabilityFeatures.Case c : collectability.allOpenInvoices()) {
            ServedModel.Result result = model.score(c.features());
            log.record(new ScoreLog.Entry(TenantContext.require(), model.id(), now, result.score(),
                    result.probabilityBad(), result.band(), "CHAMPION", "valuation", c.debtorId(), c.invoiceId()));
            OpenReceivable receivable = new OpenReceivable(c.debtorType(), c.openAmount(), Math.max(0,
                    c.daysPastDue()), 1 - result.probabilityBad(), horizon);
            receivables.add(receivable);
            items.add(new WorkItem(c.invoiceId(), c.invoiceNumber(), c.debtorId(),
                    c.debtorType(), c.openAmount(), c.daysPastDue(), receivable.probabilityOfCollection(),
                    result.band(), valuation.expectedRecovery(receivable)));
        }
        items.sort(Comparator.comparing(WorkItem::expectedRecovery).reversed()
                .thenComparing(Comparator.comparingInt(WorkItem::daysPastDue).reversed())
                .thenComparing(WorkItem::invoiceNumber));
        List<RecoveryValuation.Line> lines = valuation.bySegmentAndAge(receivables);
        return new Valuation(model.id(), model.version(), horizon, lines,
                lines.stream().map(RecoveryValuation.Line::open).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(RecoveryValuation.Line::expectedRecovery).reduce(BigDecimal.ZERO, BigDecimal::add),
                items);
    }
}
