package io.creditflow.portal;

import io.creditflow.dunning.DunningFixtures;
import io.creditflow.dunning.DunningRuns;
import io.creditflow.dunning.Flows;
import io.creditflow.messaging.Channel;
import io.creditflow.messaging.Outbox;
import io.creditflow.receivables.Debtors;
import io.creditflow.receivables.Invoices;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dunning message carries the way into the portal: the e-mail a signed link that signs the debtor in, the
 * letter the address and a short code that works with the debtor's postcode.
 */
@CreditflowTest
class DunningMessagesCarryThePortalIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired Debtors debtors;
    @Autowired Invoices invoices;
    @Autowired Flows flows;
    @Autowired DunningRuns runs;
    @Autowired Outbox outbox;
    @Autowired Clock clock;

    @Test
    void theEmailHasASignedLinkAndTheLetterACode() {
        TestTenants.TestTenant tenant = tenants.create();
        LocalDate today = LocalDate.now(clock);
        UUID consumer = tenants.inTenant(tenant, () -> {
            UUID flow = flows.save(DunningFixtures.defaultFlowAs("portal-flow"), null).flowId();
            flows.addRule(0, null, null, flow);
            UUID c = DunningFixtures.consumer(debtors, "Kees Portaal", "nl", true);
            DunningFixtures.invoice(invoices, c, "100.00", today.minusDays(40));
            return c;
        });
        runs.run(tenant.id(), today, "TEST");
        var messages = tenants.inTenant(tenant, () -> outbox.bySubject(consumer, 10));
        String email = html(tenant, messages, Channel.EMAIL);
        String letter = html(tenant, messages, Channel.LETTER);

        Matcher link = Pattern.compile("href=\"([^\"]*/portal/t/[^\"]+)\"").matcher(email);
        assertThat(link.find()).as(email).isTrue();
        PortalClient browser = new PortalClient(tenant.baseUrl(), "198.51.100.251");
        assertThat(browser.get(URI.create(link.group(1)).getRawPath()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);

        Matcher code = Pattern.compile("code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})").matcher(letter);
        assertThat(code.find()).as(letter).isTrue();
        assertThat(letter).contains("/portal/code").doesNotContain("/portal/t/");
        PortalClient reader = new PortalClient(tenant.baseUrl(), "198.51.100.252");
        reader.get("/portal/code");
        assertThat(reader.post("/portal/code", "code", code.group(1), "secondFactor", "1011 AB").statusCode())
                .isEqualTo(302);
        assertThat(reader.get("/portal").statusCode()).isEqualTo(200);
    }

    private String html(TestTenants.TestTenant tenant, List<Outbox.Summary> messages, Channel channel) {
        UUID id = messages.stream().filter(m -> m.channel() == channel).findFirst().orElseThrow().id();
        return String.valueOf(tenants.inTenant(tenant, () -> outbox.get(id)).content().orElseThrow().html());
    }
}
