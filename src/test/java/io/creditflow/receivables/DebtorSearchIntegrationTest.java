package io.creditflow.receivables;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debtor search over the API: which debtors each kind of query finds, newest first, paged by cursor, and never another
 * tenant's. The search collects matching ids first and then pages them (see {@code Debtors.search}).
 */
@CreditflowTest
class DebtorSearchIntegrationTest {

    @Autowired
    TestTenants tenants;

    TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        debtor(tenant, "C-1", "Anna de Vries", "anna@example.com", "NL91ABNA0417164300", "+31612345678");
        debtor(tenant, "C-2", "Jan de Vries", "jan@example.com", null, null);
        debtor(tenant, "C-3", "Piet Jansen", "piet@example.com", null, null);
        debtor(tenant, "K-10", "Bakkerij Anna", null, null, null);
    }

    @Test
    void eachKindOfQueryFindsItsDebtors() {
        assertThat(search("Vries")).containsExactlyElementsOf(newestFirst("C-1", "C-2"));
        assertThat(search("vries ANNA")).as("every word must match").containsExactly("C-1");
        assertThat(search("anna")).containsExactlyElementsOf(newestFirst("C-1", "K-10"));
        assertThat(search("C-")).as("external id prefix").containsExactlyElementsOf(newestFirst("C-1", "C-2", "C-3"));
        assertThat(search("K-1")).containsExactly("K-10");
        assertThat(search("jan@example.com")).containsExactly("C-2");
        assertThat(search("NL91ABNA0417164300")).containsExactly("C-1");
        assertThat(search("+31612345678")).containsExactly("C-1");
        assertThat(search("Jans")).as("name words match whole words only").isEmpty();
        assertThat(search("nobody@example.com")).isEmpty();
    }

    @Test
    void aLargeResultIsPagedNewestFirstWithoutGapsOrRepeats() {
        List<String> smits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            debtor(tenant, "S-" + i, "Smit " + i + " Installatie", null, null, null);
            smits.add("S-" + i);
        }
        List<String> pages = new ArrayList<>();
        String cursor = null;
        int requests = 0;
        do {
            JsonNode page = tenant.api().get().uri("/api/v1/debtors?q=smit&limit=3" + (cursor == null ? ""
                    : "&cursor=" + cursor)).retrieve().body(JsonNode.class);
            page.get("items").forEach(d -> pages.add(d.get("externalId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            requests++;
        } while (cursor != null);
        assertThat(requests).isEqualTo(3);
        assertThat(pages).containsExactlyElementsOf(newestFirst(smits.toArray(String[]::new)));
    }

    @Test
    void anotherTenantsDebtorsAreNeverFound() {
        TestTenant other = tenants.create();
        debtor(other, "C-9", "Klaas de Vries", "klaas@example.com", null, null);
        assertThat(search("Vries")).doesNotContain("C-9");
        assertThat(search("klaas@example.com")).isEmpty();
        assertThat(ids(other, "Vries")).containsExactly("C-9");
    }

    private List<String> search(String q) {
        return ids(tenant, q);
    }

    private static List<String> ids(TestTenant t, String q) {
        JsonNode page = t.api().get().uri("/api/v1/debtors?q={q}", q).retrieve().body(JsonNode.class);
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(d -> ids.add(d.get("externalId").asString()));
        return ids;
    }

    /** The given external ids in the order of the unfiltered list (newest first). */
    private List<String> newestFirst(String... externalIds) {
        JsonNode all = tenant.api().get().uri("/api/v1/debtors?limit=500").retrieve().body(JsonNode.class);
        List<String> order = new ArrayList<>();
        all.get("items").forEach(d -> order.add(d.get("externalId").asString()));
        List<String> wanted = List.of(externalIds);
        return order.stream().filter(wanted::contains).toList();
    }

    private static void debtor(TestTenant t, String externalId, String name, String email, String iban, String phone) {
        StringBuilder json = new StringBuilder("{\"externalId\":\"" + externalId + "\",\"type\":\"CONSUMER\",\"name\":\""
                + name + "\"");
        if (email != null) {
            json.append(",\"email\":\"").append(email).append('"');
        }
        if (iban != null) {
            json.append(",\"iban\":\"").append(iban).append('"');
        }
        if (phone != null) {
            json.append(",\"phone\":\"").append(phone).append('"');
        }
        var response = t.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON)
                .body(json.append('}').toString()).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }
}
