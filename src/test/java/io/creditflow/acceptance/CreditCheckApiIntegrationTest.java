package io.creditflow.acceptance;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CreditflowTest
class CreditCheckApiIntegrationTest {

    @Autowired
    TestTenants tenants;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
    }

    static String consumer(String last, String dob, String amount, String extra) {
        return """
                {"type":"CONSUMER","person":{"firstName":"Anna","lastName":"%s","dateOfBirth":"%s"},
                 "address":{"street":"Kerkstraat","houseNumber":"12","postcode":"1011ab","city":"Amsterdam","country":"NL"},
                 "email":"anna.%s@example.com","phone":"06-12345678","iban":"NL91ABNA0417164300",
                 "order":{"amount":"%s","currency":"EUR","channel":"web","productCategory":"fashion"}%s}"""
                .formatted(last, dob, last.toLowerCase().replace(" ", ""), amount, extra);
    }

    @Test
    void aNewConsumerWithCleanDataIsAcceptedWithinTheNewCustomerLimitAndTheCheckIsLogged() {
        ResponseEntity<JsonNode> response = post(consumer("Visser", "1984-02-29", "120.00", ""), null);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode body = response.getBody();
        assertThat(body.get("decision").asString()).isEqualTo("ACCEPT");
        assertThat(body.get("limit").asString()).isEqualTo("500.00");
        assertThat(body.get("availableLimit").asString()).isEqualTo("500.00");
        assertThat(body.get("riskBand").asString()).isNotBlank();
        assertThat(body.get("reasons").get(0).get("code").asString()).isEqualTo("ACCEPTED");
        assertThat(body.get("reasons").get(0).get("text").asString()).contains("Geaccepteerd");
        assertThat(body.get("conditions").toString()).contains("VALID_UNTIL");

        String id = body.get("checkId").asString();
        JsonNode logged = tenant.api().get().uri("/api/v1/credit-checks/" + id + "?language=en").retrieve()
                .body(JsonNode.class);
        assertThat(logged.get("result").get("decision").asString()).isEqualTo("ACCEPT");
        assertThat(logged.get("result").get("reasons").get(0).get("text").asString()).startsWith("Accepted");
        assertThat(logged.get("inputs").get("lastName").asString()).isEqualTo("Visser");
        assertThat(logged.get("inputs").get("phone").asString()).isEqualTo("+31612345678");
        assertThat(logged.get("inputs").get("address").get("postcode").asString()).isEqualTo("1011 AB");
        assertThat(logged.get("signals").get("applicant.age").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(logged.get("reservationStatus").asString()).isEqualTo("OPEN");
        assertThat(logged.get("scorer").asString()).startsWith("policy-scorecard:policy-v1");
        assertThat(logged.get("result").get("sources").toString()).contains("dev-csv:insolvency-register");

        TestTenant other = tenants.create();
        assertThat(other.api().get().uri("/api/v1/credit-checks/" + id).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(other.api().get().uri("/api/v1/credit-checks?email=anna.visser@example.com").retrieve()
                .body(JsonNode.class).get("items")).isEmpty();
        assertThat(tenant.api().get().uri("/api/v1/credit-checks?email=anna.visser@example.com").retrieve()
                .body(JsonNode.class).get("items")).hasSize(1);
    }

    @Test
    void malformedInputIsRefusedWithEveryFieldNamedAndNothingIsStored() {
        ResponseEntity<JsonNode> response = post("""
                {"type":"CONSUMER","person":{"firstName":"Anna","lastName":"de Vries 2","dateOfBirth":"1990-13-01"},
                 "address":{"houseNumber":"0","postcode":"0123 AB","country":"NL"},
                 "email":"anna@@example","phone":"12345","iban":"NL00ABNA0417164300",
                 "order":{"amount":"12.345","currency":"EUR"}}""", null);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.getBody().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("person.lastName", "person.dateOfBirth", "address.postcode",
                "address.houseNumber", "email", "phone", "iban", "order.amount");
        JsonNode none = tenant.api().get().uri("/api/v1/credit-checks?email=anna@@example").retrieve()
                .body(JsonNode.class);
        assertThat(none.get("items")).isEmpty();
    }

    @Test
    void anUnderageConsumerIsRejectedForPayLaterWithReasonsInEnglish() {
        String born = java.time.LocalDate.now().minusYears(17).toString();
        ResponseEntity<JsonNode> response = tenant.api().post().uri("/api/v1/credit-checks")
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en-GB,en;q=0.8")
                .body(consumer("Kok", born, "50.00", "")).retrieve().toEntity(JsonNode.class);
        JsonNode body = response.getBody();
        assertThat(body.get("decision").asString()).isEqualTo("REJECT");
        assertThat(body.get("reasons").toString()).contains("KO_UNDERAGE").contains("under 18");
        assertThat(body.get("conditions").toString()).contains("PREPAYMENT_REQUIRED");
    }

    @Test
    void theSameIdempotencyKeyOrTheSameOrderAnswersTheFirstCheckAndReservesOnce() {
        String key = UUID.randomUUID().toString();
        String body = consumer("Smit", "1970-01-01", "200.00", ",\"language\":\"en\"");
        JsonNode first = post(body, key).getBody();
        ResponseEntity<JsonNode> again = post(body, key);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().get("checkId").asString()).isEqualTo(first.get("checkId").asString());

        String order = consumer("Smit", "1970-01-01", "200.00", "")
                .replace("\"productCategory\":\"fashion\"", "\"productCategory\":\"fashion\",\"reference\":\"WEB-1001\"");
        JsonNode a = post(order, null).getBody();
        ResponseEntity<JsonNode> b = post(order, null);
        assertThat(b.getStatusCode().value()).isEqualTo(200);
        assertThat(b.getBody().get("replayed").asBoolean()).isTrue();
        assertThat(b.getBody().get("checkId").asString()).isEqualTo(a.get("checkId").asString());
        // 200 reserved by the keyed check, 200 by the order: 100 left of the 500 new-customer limit
        assertThat(a.get("availableLimit").asString()).isEqualTo("300.00");
        JsonNode third = post(consumer("Smit", "1970-01-01", "50.00", ""), null).getBody();
        assertThat(third.get("availableLimit").asString()).isEqualTo("100.00");
    }

    @Test
    void aSourceThatDoesNotAnswerInTimeIsLeftOutAndTheReasonsSaySo() {
        // the development bureau answers for this person only after 5 s; the policy waits 400 ms
        JsonNode body = post(consumer("Traagbureau", "1988-08-08", "80.00", ""), null).getBody();
        assertThat(body.get("decision").asString()).isEqualTo("ACCEPT");
        assertThat(body.get("reasons").toString()).contains("SOURCE_UNAVAILABLE").contains("CREDIT_BUREAU");
        assertThat(body.get("sources").toString()).contains("\"status\":\"TIMEOUT\"");
    }

    private ResponseEntity<JsonNode> post(String json, String idempotencyKey) {
        var request = tenant.api().post().uri("/api/v1/credit-checks").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(json).retrieve().toEntity(JsonNode.class);
    }
}
