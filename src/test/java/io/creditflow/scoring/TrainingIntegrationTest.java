package io.creditflow.scoring;

import io.creditflow.scoring.engine.Column;
import io.creditflow.scoring.engine.Dataset;
import io.creditflow.scoring.engine.SyntheticData;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Training on an uploaded CSV: checked before it is accepted, trained in the background with progress. */
@CreditflowTest
class TrainingIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    Environment environment;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
    }

    @Test
    void anUploadedCsvBecomesACandidateModelWithItsCardAndPictures() {
        ResponseEntity<JsonNode> accepted = upload(csv(ScoringFixtures.loans(3, 500)), Map.of("target", "outcome",
                "positive", "bad"));
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(accepted.getBody().get("status").asString()).isIn("QUEUED", "RUNNING", "DONE");

        JsonNode done = await().atMost(Duration.ofMinutes(3)).until(
                () -> tenant.api().get().uri(location).retrieve().body(JsonNode.class),
                t -> !t.get("status").asString().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("progress").asInt()).isEqualTo(100);

        JsonNode card = tenant.api().get().uri("/api/v1/scoring/models/" + done.get("modelId").asString())
                .retrieve().body(JsonNode.class);
        assertThat(card.get("source").asString()).isEqualTo("CSV");
        assertThat(card.get("sourceName").asString()).isEqualTo("loans.csv");
        assertThat(card.get("cases").asInt()).isEqualTo(500);
        assertThat(card.get("role").asString()).isEqualTo("CANDIDATE");
        assertThat(card.get("metrics").get("SCORECARD").get("auc").asDouble()).isGreaterThan(0.6);
        String report = tenant.api().get().uri("/api/v1/scoring/models/" + done.get("modelId").asString()
                + "/report").retrieve().body(String.class);
        assertThat(report).contains("<svg").contains("ROC curve").contains("Score distribution");
        long uploads = Superuser.jdbc(environment).sql("select count(*) from scoring_training where tenant_id = :t "
                + "and upload is not null").param("t", tenant.id()).query(Long.class).single();
        assertThat(uploads).as("the upload is deleted once trained").isZero();

        ConsoleSession console = new ConsoleSession(tenant.baseUrl());
        console.login(tenant.user(io.creditflow.tenancy.Role.VIEWER), TestTenants.PASSWORD);
        String fragment = console.get(location.replace("/api/v1/scoring", "/console/scoring") + "/progress").body();
        assertThat(fragment).contains("<progress").contains("value=\"100\"").doesNotContain("hx-trigger");
    }

    @Test
    void aSegmentedCardShowsAPointsTablePerSegmentInTheConsoleAndTheReport() {
        Dataset data = SyntheticData.interaction(1, 8000);
        StringBuilder csv = new StringBuilder("late,utilisation,tenure,outcome\n");
        double[][] columns = data.columns().stream().map(c -> ((Column.Numeric) c).values()).toArray(double[][]::new);
        for (int r = 0; r < data.rows(); r++) {
            csv.append(String.format(Locale.ROOT, "%.0f,%.1f,%.0f,%s%n", columns[0][r], columns[1][r], columns[2][r],
                    data.bad()[r] ? "bad" : "good"));
        }
        String location = upload(csv.toString(), Map.of("target", "outcome", "positive", "bad")).getHeaders()
                .getLocation().toString();
        JsonNode done = await().atMost(Duration.ofMinutes(5)).until(
                () -> tenant.api().get().uri(location).retrieve().body(JsonNode.class),
                t -> !t.get("status").asString().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        String model = "/scoring/models/" + done.get("modelId").asString();

        ConsoleSession console = new ConsoleSession(tenant.baseUrl());
        console.login(tenant.user(io.creditflow.tenancy.Role.VIEWER), TestTenants.PASSWORD);
        String page = console.get("/console" + model).body();
        // the test tenant's console speaks Dutch
        assertThat(page).contains("Gesegmenteerde scorekaart: de gevallen zijn gesplitst op late", "Segment late: 0 (",
                "Segment late: 1 | 2 | 3 (", "utilisation", "tenure");
        String report = tenant.api().get().uri("/api/v1" + model + "/report").retrieve().body(String.class);
        assertThat(report).contains("<h2>Segmented scorecard</h2>", "<h3>Segment late: 0</h3>");
    }

    @Test
    void aBadFileIsRefusedWithTheLineOrColumnAndNothingIsQueued() {
        String good = csv(ScoringFixtures.loans(3, 60));
        ResponseEntity<JsonNode> noTarget = upload(good, Map.of("target", "status", "positive", "bad"));
        assertThat(noTarget.getStatusCode().value()).isEqualTo(400);
        assertThat(noTarget.getBody().get("errors").toString()).contains("target column 'status' is not in");

        String broken = good.replaceFirst("\n([^\n]*)\n", "\n$1,extra\n");
        ResponseEntity<JsonNode> ragged = upload(broken, Map.of("target", "outcome", "positive", "bad"));
        assertThat(ragged.getStatusCode().value()).isEqualTo(400);
        assertThat(ragged.getBody().get("errors").toString()).contains("line 2");

        ResponseEntity<JsonNode> third = upload(good.replaceFirst(",good\n", ",maybe\n"),
                Map.of("target", "outcome", "positive", "bad"));
        assertThat(third.getStatusCode().value()).isEqualTo(400);
        assertThat(third.getBody().get("errors").toString()).contains("maybe");

        ResponseEntity<JsonNode> missingField = upload(good, Map.of("target", "outcome"));
        assertThat(missingField.getStatusCode().value()).isEqualTo(400);

        long queued = Superuser.jdbc(environment).sql("select count(*) from scoring_training where tenant_id = :t")
                .param("t", tenant.id()).query(Long.class).single();
        assertThat(queued).isZero();
    }

    private ResponseEntity<JsonNode> upload(String csv, Map<String, String> fields) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "loans.csv";
            }
        });
        form.add("name", "loans");
        form.add("folds", "3");
        fields.forEach(form::add);
        return tenant.api().post().uri("/api/v1/scoring/trainings?purpose=acceptance")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);
    }

    /** The loans as CSV with an "outcome" column of good/bad. */
    static String csv(Dataset data) {
        StringBuilder csv = new StringBuilder("income,housing,noise,outcome\n");
        Column.Numeric income = (Column.Numeric) data.column("income").orElseThrow();
        Column.Categorical housing = (Column.Categorical) data.column("housing").orElseThrow();
        Column.Numeric noise = (Column.Numeric) data.column("noise").orElseThrow();
        for (int r = 0; r < data.rows(); r++) {
            csv.append(income.isMissing(r) ? "NA" : String.format(Locale.ROOT, "%.0f", income.values()[r])).append(',')
                    .append(housing.isMissing(r) ? "" : housing.values()[r]).append(',')
                    .append(String.format(Locale.ROOT, "%.0f", noise.values()[r])).append(',')
                    .append(data.bad()[r] ? "bad" : "good").append('\n');
        }
        return csv.toString();
    }
}
