package io.creditflow.demo;

import io.creditflow.dunning.DefaultFlow;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.DunningSettingsStore;
import io.creditflow.messaging.Tone;
import io.creditflow.messaging.PrintShop;
import io.creditflow.platform.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The demo tenant's dunning: its creditor details, the default Dutch flow, and a history made by running the daily
 * run for each of the past {@value #HISTORY_DAYS} days in turn, as production would have (reminders, second
 * reminders, 14-day letters by e-mail and post, call tasks). The messages of that history are sent when the demo
 * starts (to the console mailbox), so their "sent" times are today's: the 14-day terms run from today, and the
 * collection step follows in the days after.
 */
@Component
class DemoDunning {

    private static final Logger log = LoggerFactory.getLogger(DemoDunning.class);
    static final int HISTORY_DAYS = 45;

    private final TenantScope tenantScope;
    private final DunningSettingsStore settings;
    private final DefaultFlow defaultFlow;
    private final DunningRuns runs;
    private final PrintShop printBatches;
    private final Clock clock;

    DemoDunning(TenantScope tenantScope, DunningSettingsStore settings, DefaultFlow defaultFlow, DunningRuns runs,
                PrintShop printBatches, Clock clock) {
        this.tenantScope = tenantScope;
        this.settings = settings;
        this.defaultFlow = defaultFlow;
        this.runs = runs;
        this.printBatches = printBatches;
        this.clock = clock;
    }

    void setUp(UUID tenant, String creditorName) {
        tenantScope.inTenant(tenant, () -> settings.save(new DunningSettings(creditorName,
                List.of("Damrak 70", "1012 LM Amsterdam"), "NL", "NL91ABNA0417164300", "ABNANL2A",
                "debiteuren@demo.creditflow.test", "020 123 4567", "12345678", "NL001234567B01", Tone.FORMAL,
                DunningSettings.CatchUp.LATEST_ONLY, 1, 0, false, false, null, null, null, true)));
        try {
            tenantScope.inTenant(tenant, defaultFlow::install);
        } catch (DataIntegrityViolationException installedMeanwhile) {
            // the TenantCreated listener installed it at the same moment
        }
    }

    void history(UUID tenant) {
        LocalDate today = LocalDate.now(clock);
        int messages = 0;
        for (LocalDate day = today.minusDays(HISTORY_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            messages += runs.run(tenant, day, "DEMO-HISTORY").messages();
        }
        tenantScope.inTenant(tenant, () -> printBatches.closeToday(tenant, clock.instant()));
        log.info("Demo dunning history: {} days, {} messages", HISTORY_DAYS + 1, messages);
    }
}
