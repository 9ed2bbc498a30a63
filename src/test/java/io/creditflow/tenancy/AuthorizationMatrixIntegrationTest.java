package io.creditflow.tenancy;

import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what. Console: each role, signed in through the real login form, against each sensitive page.
 * API: keys with single scopes against the endpoints that need them. And the platform operator, who manages tenants
 * but is refused debtor data by permission and, underneath, sees no debtor row at all.
 */
@CreditflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ConsoleUsers users;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcClient jdbc;

    TestTenant tenant;
    String debtorId;

    @BeforeAll
    void tenantWithADebtor() {
        tenant = tenants.create();
        debtorId = tenant.api().post().uri("/api/v1/debtors").contentType(MediaType.APPLICATION_JSON).body("""
                {"externalId":"M-1","type":"CONSUMER","name":"Mat Rix","email":"mat@example.com"}""")
                .retrieve().body(tools.jackson.databind.JsonNode.class).get("id").asString();
        if (!users.operatorExists("matrix-operator@creditflow.test")) {
            users.createOperator("matrix-operator@creditflow.test", "Operator", TestTenants.PASSWORD);
        }
    }

    static Stream<Arguments> consoleMatrix() {
        // page -> roles allowed (200); every other role gets 403
        Map<String, Set<Role>> pages = Map.of(
                "/console/debtors", Set.of(Role.OWNER, Role.ADMIN, Role.CREDIT_MANAGER, Role.COLLECTOR, Role.VIEWER),
                "/console/settings/users", Set.of(Role.OWNER, Role.ADMIN),
                "/console/settings/api-keys", Set.of(Role.OWNER, Role.ADMIN),
                "/operator", Set.of());
        return pages.entrySet().stream().flatMap(page -> Stream.of(Role.values()).filter(Role::isTenantRole)
                .map(role -> Arguments.of(role, page.getKey(), page.getValue().contains(role))));
    }

    @ParameterizedTest(name = "{0} on {1}: allowed={2}")
    @MethodSource("consoleMatrix")
    void consoleRoles(Role role, String page, boolean allowed) {
        ConsoleSession session = new ConsoleSession(tenant.baseUrl());
        assertThat(session.login(tenant.user(role), TestTenants.PASSWORD)).endsWith("/console/home");
        int status = session.get(page).statusCode();
        assertThat(status).isEqualTo(allowed ? 200 : 403);
        if (allowed && page.equals("/console/debtors")) {
            assertThat(session.get("/console/debtors/" + debtorId).body()).contains("Mat Rix");
        }
    }

    static Stream<Arguments> apiMatrix() {
        return Stream.of(
                Arguments.of("receivables:read", "GET", "/api/v1/debtors", 200),
                Arguments.of("receivables:read", "POST", "/api/v1/debtors", 403),
                Arguments.of("receivables:write", "POST", "/api/v1/debtors", 201),
                Arguments.of("receivables:write", "GET", "/api/v1/debtors", 403),
                Arguments.of("checks:perform", "GET", "/api/v1/debtors", 403),
                Arguments.of("receivables:read", "GET", "/api/v1/api-keys", 403),
                Arguments.of("api-keys:manage", "GET", "/api/v1/api-keys", 200),
                Arguments.of("receivables:read", "GET", "/api/v1/audit/verification", 403),
                Arguments.of("audit:read", "GET", "/api/v1/audit/verification", 200),
                Arguments.of("audit:read", "GET", "/api/v1/debtors", 403),
                Arguments.of("receivables:read", "GET", "/api/v1/operator/tenants", 403));
    }

    @ParameterizedTest(name = "scope {0}: {1} {2} -> {3}")
    @MethodSource("apiMatrix")
    void apiKeyScopes(String scope, String method, String path, int expected) {
        RestClient api = tenants.apiWithScopes(tenant, Set.of(scope));
        int status = "GET".equals(method)
                ? api.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value()
                : api.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"externalId\":\"S-" + System.nanoTime() + "\",\"type\":\"BUSINESS\",\"name\":\"Scope BV\"}")
                        .retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(expected);
    }

    @Test
    void withoutAKeyTheApiAnswers401() {
        RestClient anonymous = RestClient.builder().baseUrl(tenant.baseUrl())
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
        assertThat(anonymous.get().uri("/api/v1/debtors").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        RestClient revokedOrWrong = TestTenants.api(tenant.baseUrl(), "cf_not-a-real-key-at-all-xxxxxxxx");
        assertThat(revokedOrWrong.get().uri("/api/v1/debtors").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void theOperatorManagesTenantsButCannotReadDebtors() {
        ConsoleSession operator = new ConsoleSession(tenant.baseUrl());
        assertThat(operator.login("matrix-operator@creditflow.test", TestTenants.PASSWORD)).endsWith("/operator");
        assertThat(operator.get("/operator").body()).contains(tenant.slug());
        assertThat(operator.get("/console/debtors").statusCode()).isEqualTo(403);
        assertThat(operator.get("/console/debtors/" + debtorId).statusCode()).isEqualTo(403);
        // Underneath the permission check: in the operator's (platform) context the database shows no debtor at all.
        long visible = tenantScope.inTenant(TenantContext.PLATFORM,
                () -> jdbc.sql("select count(*) from debtor").query(Long.class).single());
        assertThat(visible).isZero();
    }

    @Test
    void aRevokedKeyStopsWorking() {
        RestClient admin = tenant.api();
        String key = tenantScope.inTenant(tenant.id(), () -> tenants.apiWithScopesKey(tenant));
        RestClient client = TestTenants.api(tenant.baseUrl(), key);
        assertThat(client.get().uri("/api/v1/debtors").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        String id = admin.get().uri("/api/v1/api-keys").retrieve().body(tools.jackson.databind.JsonNode.class)
                .valueStream().filter(k -> k.get("prefix").asString().equals(key.substring(0, 10)))
                .findFirst().orElseThrow().get("id").asString();
        assertThat(admin.delete().uri("/api/v1/api-keys/" + id).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(204);
        assertThat(client.get().uri("/api/v1/debtors").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
    }
}
