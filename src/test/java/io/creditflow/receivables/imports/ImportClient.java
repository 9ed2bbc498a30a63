package io.creditflow.receivables.imports;

import io.creditflow.support.TestTenants.TestTenant;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Uploads files to the imports API and waits for the background run to finish (bounded, not a timed assertion). */
final class ImportClient {

    private final TestTenant tenant;

    ImportClient(TestTenant tenant) {
        this.tenant = tenant;
    }

    ResponseEntity<JsonNode> submit(byte[] content, String fileName, String query) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return tenant.api().post().uri("/api/v1/imports?" + query).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    /** Uploads and returns the finished import's state. */
    JsonNode run(byte[] content, String fileName, String query) {
        ResponseEntity<JsonNode> accepted = submit(content, fileName, query);
        if (accepted.getStatusCode().value() != 202) {
            throw new AssertionError("upload refused: " + accepted.getStatusCode() + " " + accepted.getBody());
        }
        return await(accepted.getBody().get("id").asString());
    }

    JsonNode await(String id) {
        for (int i = 0; i < 1_200; i++) {
            JsonNode state = tenant.api().get().uri("/api/v1/imports/" + id).retrieve().body(JsonNode.class);
            String status = state.get("status").asString();
            if (List.of("VALIDATED", "SUCCEEDED", "PARTIALLY_IMPORTED", "FAILED").contains(status)) {
                return state;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish within two minutes");
    }

    static List<String> errors(JsonNode state) {
        List<String> errors = new ArrayList<>();
        state.get("errors").forEach(e -> errors.add(e.get("line").asString() + "|" + e.get("column").asString() + "|"
                + e.get("message").asString()));
        return errors;
    }
}
