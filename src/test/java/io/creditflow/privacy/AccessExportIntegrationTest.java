package io.creditflow.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access export: valid against its published schema (docs/privacy), complete (every value the debtor page shows
 * is in it, whichever module put it on the page), readable as PDF, audited, and it completes the access request.
 */
@CreditflowTest
class AccessExportIntegrationTest {

    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;

    @Test
    void theExportIsValidCompleteReadableAndAnswersTheRequest() throws Exception {
        TestTenant tenant = tenants.create();
        Person person = fixtures.person(tenant, 7);
        post(tenant, "/api/v1/privacy/debtors/" + person.debtorId() + "/contests",
                "{\"field\":\"phones\",\"statement\":\"Not my number\"}");
        post(tenant, "/api/v1/privacy/debtors/" + person.debtorId() + "/rectifications",
                "{\"section\":\"receivables.debtor\",\"values\":{\"salutation\":\"Mevrouw\"},\"reason\":\"Asked by phone\"}");
        JsonNode request = post(tenant, "/api/v1/privacy/requests",
                "{\"type\":\"ACCESS\",\"debtorId\":\"" + person.debtorId() + "\"}");

        String json = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/export?requestId={r}", person.debtorId(),
                request.get("id").asString()).retrieve().body(String.class);

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(Path.of("docs/privacy/access-export.schema.json")));
        Set<ValidationMessage> problems = schema.validate(new ObjectMapper().readTree(json));
        assertThat(problems).as("the export matches docs/privacy/access-export.schema.json").isEmpty();
        assertThat(json).contains(person.name(), person.email(), person.phone(), person.iban(), person.street(),
                person.invoiceNumber(), "Herinnering " + person.invoiceNumber(), "Not my number", "Asked by phone",
                "\"contestedFields\":[\"phones\"]", "debtor.registered");
        assertThat(json).as("payments: the statement line paid from their account, the mandate, the promise")
                .contains("\"payerName\":\"" + person.name() + "\"", "Deel factuur " + person.invoiceNumber(),
                        "\"reference\":\"MND-", "Called " + person.name(), "\"record\":\"PAYMENT_LINK\"");
        // acceptance: the credit check with its decrypted inputs and the person's art. 22 note; dunning: the 14-day
        // letter's evidence, the step taken and the pause note
        assertThat(json).contains("\"section\":\"acceptance.checks\"", "\"recordType\":\"check\"",
                "Please answer by e-mail to " + person.email(), "\"dateOfBirth\":\"1931-02-17\"",
                "\"section\":\"dunning.history\"", "\"stepKey\":\"aanmaning-consument\"",
                "\"recordType\":\"letter\"", "Belt terug op " + person.phone());
        assertThat(requestStatus(tenant, request)).isEqualTo("COMPLETED");

        String page = debtorPage(tenant, person);
        String export = json.toLowerCase(Locale.ROOT);
        List<String> shown = shownValues(page);
        assertThat(shown).as("the page shows the person").contains(person.email().toLowerCase(Locale.ROOT));
        for (String token : shown) {
            assertThat(export.contains(token)).as("'%s' is on the debtor page but not in the export", token).isTrue();
        }

        byte[] pdf = tenant.api().get().uri("/api/v1/privacy/debtors/{id}/export.pdf?lang=en", person.debtorId())
                .retrieve().body(byte[].class);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        assertThat(text.toString().replaceAll("\\s+", " ")).contains(person.name(), person.email(),
                person.invoiceNumber(), "Your rights");

        TestTenant other = tenants.create();
        int status = other.api().get().uri("/api/v1/privacy/debtors/{id}/export", person.debtorId()).retrieve()
                .toBodilessEntity().getStatusCode().value();
        assertThat(status).as("another tenant's debtor").isEqualTo(404);
    }

    /** The words in the page's data cells (definition values, table cells, timeline), normalised for comparison. */
    static List<String> shownValues(String html) {
        String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
        String body = main.replaceAll("(?s)<span class=\"contested\"[^>]*>.*?</span>", " ")
                .replaceAll("(?s)<td[^>]*class=\"muted\"[^>]*>.*?</td>", " ")
                .replaceAll("(?s)<span class=\"muted\"[^>]*>.*?</span>", " ");
        Matcher cells = Pattern.compile("(?s)<(dd|td|li)[^>]*>(.*?)</\\1>").matcher(body);
        List<String> tokens = new ArrayList<>();
        while (cells.find()) {
            String text = HtmlUtils.htmlUnescape(cells.group(2).replaceAll("<[^>]+>", " "));
            for (String t : text.split("[\\s,()]+")) {
                String token = t.trim().toLowerCase(Locale.ROOT);
                if (token.matches("\\d{1,3}(\\.\\d{3})*,\\d{2}")) {
                    token = token.replace(".", "").replace(',', '.');
                }
                if (token.length() >= 2) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    private static String debtorPage(TestTenant tenant, Person person) {
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        session.login(tenant.user(Role.OWNER), TestTenants.PASSWORD);
        session.get("/console?lang=en");
        var page = session.get("/console/debtors/" + person.debtorId());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static String requestStatus(TestTenant tenant, JsonNode request) {
        return tenant.api().get().uri("/api/v1/privacy/requests/{id}", request.get("id").asString()).retrieve()
                .body(JsonNode.class).get("status").asString();
    }

    static JsonNode post(TestTenant tenant, String path, String body) {
        var response = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", path, response.getBody()).isTrue();
        return response.getBody();
    }
}
