package io.creditflow.security;

import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.ApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix over every /api endpoint, enumerated from Spring MVC's request mappings: without a key
 * every endpoint answers 401; with a key that holds every scope except the ones the endpoint demands, 403; with
 * another tenant's object id in the path, 404 and nothing of that tenant in the answer, and that tenant's data is
 * unchanged afterwards; list endpoints never show another tenant's data. An endpoint that declares no required
 * authority fails the test unless it is listed here as open to every valid key.
 */
@CreditflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryApiEndpointAuthorizationIntegrationTest {

    /**
     * Endpoints any valid key may call: they describe the caller, or compute public law from the request alone (the
     * calculators, issue 4: "for any API key of a tenant").
     */
    static final Set<String> ANY_KEY = Set.of("/api/v1/me", "/api/v1/calculations/collection-costs",
            "/api/v1/calculations/statutory-interest");

    @Autowired ApplicationContext context;
    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired Environment environment;

    TestTenant a;
    TestTenant b;
    Person bPerson;
    List<UUID> bIds;
    List<Endpoints.Endpoint> api;

    @BeforeAll
    void twoTenants() {
        a = tenants.create();
        b = tenants.create();
        fixtures.person(a, 1);
        bPerson = fixtures.person(b, 2);
        Person erased = fixtures.person(b, 3);
        post(b, "/api/v1/privacy/requests", "{\"type\":\"ACCESS\",\"debtorId\":\"" + bPerson.debtorId() + "\"}");
        post(b, "/api/v1/privacy/debtors/" + bPerson.debtorId() + "/contests", "{\"field\":\"name\"}");
        post(b, "/api/v1/privacy/debtors/" + erased.debtorId() + "/erasure", "{}");
        bIds = idsOf(b.id());
        api = Endpoints.all(context).stream().filter(e -> e.pattern().startsWith("/api/")).toList();
    }

    @Test
    void theEnumerationFindsTheApi() {
        assertThat(api).extracting(Endpoints.Endpoint::toString)
                .contains("GET /api/v1/debtors/{id}", "POST /api/v1/privacy/debtors/{id}/erasure",
                        "GET /api/v1/audit/entries");
        assertThat(bIds).as("ids of the other tenant's objects to probe with").hasSizeGreaterThan(5);
    }

    @TestFactory
    Stream<DynamicTest> withoutAKeyEveryEndpointAnswers401() {
        RestClient anonymous = RestClient.builder().baseUrl(a.baseUrl())
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
        return api.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () ->
                assertThat(call(anonymous, e, Endpoints.path(e, UUID.randomUUID())).status())
                        .as(e.toString()).isEqualTo(401)));
    }

    @TestFactory
    Stream<DynamicTest> aKeyWithoutTheNeededScopeGets403() {
        return api.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
            if (e.authorities().isEmpty()) {
                assertThat(ANY_KEY).as("%s declares no required authority (@PreAuthorize)", e).contains(e.pattern());
                return;
            }
            Set<String> scopes = new LinkedHashSet<>(ApiKeys.allTenantScopes());
            scopes.removeAll(e.authorities());
            RestClient client = scopes.isEmpty() ? null : tenants.apiWithScopes(a, scopes);
            if (client == null) {
                return;
            }
            assertThat(call(client, e, Endpoints.path(e, UUID.randomUUID())).status())
                    .as("%s with every scope except %s", e, e.authorities()).isEqualTo(403);
        }));
    }

    @TestFactory
    Stream<DynamicTest> anotherTenantsObjectIsNotFound() {
        Map<String, String> before = checksums(b.id());
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoints.Endpoint e : api) {
            if (!e.hasUuidVariable() || e.authorities().contains("platform:operate")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(e.toString(), () -> {
                for (UUID id : bIds) {
                    Answer answer = call(a.api(), e, Endpoints.path(e, id));
                    if (e.method().equals("GET")) {
                        assertThat(answer.status()).as("%s with the other tenant's %s", e, id).isEqualTo(404);
                    } else {
                        assertThat(answer.status()).as("%s with the other tenant's %s", e, id).isIn(400, 404, 422);
                    }
                    assertNoDataOfB(e, answer.body());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("the other tenant's data is unchanged", () ->
                assertThat(checksums(b.id())).isEqualTo(before)));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> listsNeverShowAnotherTenantsData() {
        return api.stream().filter(e -> e.method().equals("GET") && e.variables().isEmpty()
                        && !e.authorities().contains("platform:operate"))
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    Answer answer = call(a.api(), e, e.pattern());
                    assertThat(answer.status()).as(e.toString()).isLessThan(500);
                    assertNoDataOfB(e, answer.body());
                }));
    }

    private void assertNoDataOfB(Endpoints.Endpoint e, String body) {
        for (String secret : bPerson.secrets()) {
            assertThat(body).as("%s shows the other tenant's %s", e, secret).doesNotContain(secret);
        }
        assertThat(body).doesNotContain(bPerson.invoiceNumber());
    }

    record Answer(int status, String body) {
    }

    private static Answer call(RestClient client, Endpoints.Endpoint e, String path) {
        var spec = client.method(HttpMethod.valueOf(e.method())).uri(path);
        if (!e.method().equals("GET") && !e.method().equals("DELETE")) {
            if (e.multipart()) {
                MultipartBodyBuilder parts = new MultipartBodyBuilder();
                parts.part("file", new byte[0]).filename("empty.csv");
                spec = spec.contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build());
            } else {
                spec = spec.contentType(MediaType.APPLICATION_JSON).body("{}");
            }
        }
        var response = spec.retrieve().toEntity(String.class);
        return new Answer(response.getStatusCode().value(), response.getBody() == null ? "" : response.getBody());
    }

    /** One id of each kind of object the tenant has (every table with an id column). */
    private List<UUID> idsOf(UUID tenant) {
        var jdbc = Superuser.jdbc(environment);
        List<String> tables = jdbc.sql("""
                select c.table_name from information_schema.columns c
                 where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'
                   and exists (select 1 from information_schema.columns t where t.table_schema = 'public'
                                and t.table_name = c.table_name and t.column_name = 'tenant_id')
                 order by 1""").query(String.class).list();
        List<UUID> ids = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("select id from \"" + table + "\" where tenant_id = ? limit 1").param(tenant)
                    .query(UUID.class).optional().ifPresent(ids::add);
        }
        ids.add(tenant);
        return ids;
    }

    /** A checksum of each of the tenant's tables (the audit chain excepted: the sealer works on its own). */
    private Map<String, String> checksums(UUID tenant) {
        var jdbc = Superuser.jdbc(environment);
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.columns where table_schema = 'public'
                   and column_name = 'tenant_id' and table_name not in ('audit_entry', 'audit_pending',
                   'audit_chain_head') order by 1""").query(String.class).list();
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            sums.put(table, jdbc.sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \""
                    + table + "\" t where tenant_id = ?").param(tenant).query(String.class).single());
        }
        return sums;
    }

    private static void post(TestTenant tenant, String path, String body) {
        var response = tenant.api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity();
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path).isTrue();
    }
}
