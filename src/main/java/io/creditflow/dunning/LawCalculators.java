package io.creditflow.dunning;

import io.creditflow.law.CollectionCosts;
import io.creditflow.law.DeliveryRule;
import io.creditflow.law.FourteenDayLetter;
import io.creditflow.law.LetterRules;
import io.creditflow.law.StatutoryInterest;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The law module's calculators as Creditflow uses them: collection costs on the Dutch scale, statutory interest on
 * the operator-maintained rate table, and the 14-day letter with the tenant's delivery assumptions per channel. Every
 * amount dunning puts in a message or on the ledger comes from here.
 */
@Component
public class LawCalculators {

    private final InterestRates rates;
    private final Clock clock;
    private final CollectionCosts costs = CollectionCosts.dutch();

    LawCalculators(InterestRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    public CollectionCosts costs() {
        return costs;
    }

    public StatutoryInterest interest() {
        return new StatutoryInterest(rates.table());
    }

    /** The 14-day letter rules with the tenant's delivery days for e-mail and post. */
    public FourteenDayLetter letter(DunningSettings settings) {
        LetterRules dutch = LetterRules.dutch();
        DeliveryRule email = new DeliveryRule(settings.emailDeliveryDays(), dutch.email().deliveryWeekdays(),
                dutch.email().holidays());
        DeliveryRule post = new DeliveryRule(settings.postDeliveryDays(), dutch.post().deliveryWeekdays(),
                dutch.post().holidays());
        return new FourteenDayLetter(new LetterRules(clock.getZone(), email, post, dutch.termDays(),
                dutch.extendByGeneralTermsAct(), dutch.termHolidays()), costs);
    }
}
