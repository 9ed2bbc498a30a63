package io.creditflow.demo;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.creditflow.tenancy.ApiKeys;
import io.creditflow.tenancy.ConsoleUsers;
import io.creditflow.tenancy.Role;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * On first start, creates the demo tenant ("demo"), a user per role, a platform operator and realistic demo data
 * (the dunning and collection history right after, in the background: {@link DemoHistoryTask}); on every start,
 * prints where to log in. A second start finds the tenant and reuses everything.
 */
@Component
@ConditionalOnProperty(name = "creditflow.demo.enabled", havingValue = "true")
@Order(0)
class DemoTenant implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);
    static final String SLUG = "demo";
    static final String PASSWORD = "creditflow-demo";
    static final String OPERATOR = "operator@creditflow.test";
    static final Map<String, Role> USERS = Map.of(
            "owner@demo.creditflow.test", Role.OWNER, "admin@demo.creditflow.test", Role.ADMIN,
            "manager@demo.creditflow.test", Role.CREDIT_MANAGER, "collector@demo.creditflow.test", Role.COLLECTOR,
            "viewer@demo.creditflow.test", Role.VIEWER, "auditor@demo.creditflow.test", Role.AUDITOR);

    private final Tenants tenants;
    private final ConsoleUsers users;
    private final ApiKeys apiKeys;
    private final DemoLoader loader;
    private final DemoDunning dunning;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> history;
    private final Clock clock;
    private final String apiKey;
    private final int debtors;
    private final long seed;
    private final String baseUrl;

    DemoTenant(Tenants tenants, ConsoleUsers users, ApiKeys apiKeys, DemoLoader loader, DemoDunning dunning,
               SchedulerClient scheduler, @Qualifier("demoHistory") OneTimeTask<String> demoHistory, Clock clock,
               @Value("${creditflow.demo.api-key:}") String apiKey,
               @Value("${creditflow.demo.debtors:1500}") int debtors,
               @Value("${creditflow.demo.seed:20260101}") long seed,
               @Value("${creditflow.base-url}") String baseUrl) {
        this.tenants = tenants;
        this.users = users;
        this.apiKeys = apiKeys;
        this.loader = loader;
        this.dunning = dunning;
        this.scheduler = scheduler;
        this.history = demoHistory;
        this.clock = clock;
        this.apiKey = apiKey;
        this.debtors = debtors;
        this.seed = seed;
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        Tenant tenant = tenants.findBySlug(SLUG).orElseGet(this::create);
        if (!apiKey.isBlank()) {
            apiKeys.ensureConfigured(tenant.id(), "demo key (creditflow.demo.api-key)", apiKey,
                    ApiKeys.allTenantScopes());
        }
    }

    private Tenant create() {
        long start = System.nanoTime();
        log.info("First start: creating the demo tenant with {} debtors ...", debtors);
        Tenant tenant = tenants.create(SLUG, "Demo Groothandel B.V.", "NL", "nl");
        USERS.forEach((username, role) -> users.create(tenant.id(), username,
                role.name().charAt(0) + role.name().substring(1).toLowerCase().replace('_', ' ') + " (demo)",
                PASSWORD, Set.of(role)));
        if (!users.operatorExists(OPERATOR)) {
            users.createOperator(OPERATOR, "Platform operator (demo)", PASSWORD);
        }
        dunning.setUp(tenant.id(), tenant.name());
        loader.load(tenant.id(), debtors, seed, LocalDate.now(clock), done -> log.info("  ... {} of {} debtors",
                done, debtors));
        // the past 46 days of dunning and the collection cases: in the background, after the console opens
        scheduler.scheduleIfNotExists(history.instance(tenant.id().toString(), tenant.id().toString()), Instant.now());
        log.info("Demo tenant ready in {} s; its dunning and collection history follows in the background",
                (System.nanoTime() - start) / 1_000_000_000);
        return tenant;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printLogin() {
        String line = "=".repeat(78);
        log.info("""

                {}
                 Creditflow is running:  {}/console
                 Demo login:             owner@demo.creditflow.test / {}
                                         (also admin@, manager@, collector@, viewer@, auditor@demo.creditflow.test)
                 Platform operator:      {} / {}
                 API docs:               {}/swagger-ui.html   {}
                {}""", line, baseUrl, PASSWORD, OPERATOR, PASSWORD, baseUrl,
                apiKey.isBlank() ? "(set CREDITFLOW_DEMO_API_KEY=cf_... for a demo API key)"
                        : "(demo API key from CREDITFLOW_DEMO_API_KEY)", line);
    }
}
