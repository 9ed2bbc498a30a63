package io.creditflow.collection;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.receivables.Invoice;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.Score;
import io.creditflow.scoring.Scoring;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The collectors' worklist: open cases ordered by expected recovery (what a call is likely to bring in), then by age.
 * Expected recovery per claim is its open amount times the probability of collection of the tenant's active
 * collectability model (scoring module); without an active model, or for a debtor the model may not score (processing
 * restricted), the open amount times a documented default rate ({@code creditflow.collection.default-recovery-rate},
 * 0.35: roughly what Dutch amicable collection recovers on claims past the notice of default), and the page says so.
 * The list covers the 200 open cases with the largest open amounts.
 */
@Component
public class Worklist {

    static final int SIZE = 200;
    private final CollectionCases cases;
    private final Scoring scoring;
    private final BigDecimal defaultRate;
    private final Clock clock;

    Worklist(CollectionCases cases, Scoring scoring, Clock clock,
             @Value("${creditflow.collection.default-recovery-rate:0.35}") BigDecimal defaultRate) {
        this.cases = cases;
        this.scoring = scoring;
        this.clock = clock;
        this.defaultRate = defaultRate;
    }

    /** A case on the list; {@code modelled} is false when the default rate was used. */
    public record Item(CollectionCases.CaseView view, BigDecimal expectedRecovery, boolean modelled, long ageDays) {
    }

    public record Result(List<Item> items, boolean modelActive, BigDecimal defaultRate) {
    }

    @Transactional
    public Result build() {
        boolean model = scoring.hasActiveModel(Purpose.COLLECTABILITY);
        LocalDate today = LocalDate.now(clock);
        List<Item> items = new ArrayList<>();
        for (CollectionCases.CaseView c : cases.openByAmount(SIZE)) {
            long age = ChronoUnit.DAYS.between(c.openedAt().atZoneSameInstant(clock.getZone()).toLocalDate(), today);
            items.add(expected(c, model, age));
        }
        items.sort(Comparator.comparing(Item::expectedRecovery).reversed().thenComparing(Comparator.comparingLong(
                Item::ageDays).reversed()));
        return new Result(items, model, defaultRate);
    }

    private Item expected(CollectionCases.CaseView c, boolean model, long age) {
        if (model) {
            try {
                Map<java.util.UUID, Score> scores = scoring.scoreDebtor(c.debtorId(), "collection-worklist").invoices();
                BigDecimal sum = BigDecimal.ZERO;
                for (Invoice i : cases.claims(c.id())) {
                    Score s = scores.get(i.id());
                    BigDecimal rate = s == null ? defaultRate : BigDecimal.valueOf(s.probabilityOfCollection());
                    sum = sum.add(i.openAmount().multiply(rate));
                }
                return new Item(c, sum.setScale(2, RoundingMode.HALF_UP), true, age);
            } catch (BusinessRuleException restrictedOrUnscorable) {
                // falls through to the default rate
            }
        }
        return new Item(c, c.open().multiply(defaultRate).setScale(2, RoundingMode.HALF_UP), false, age);
    }
}
