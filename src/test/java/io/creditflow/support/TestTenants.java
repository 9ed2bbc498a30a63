package io.creditflow.support;

import io.creditflow.platform.TenantScope;
import io.creditflow.tenancy.ApiKeys;
import io.creditflow.tenancy.ConsoleUsers;
import io.creditflow.tenancy.Role;
import io.creditflow.tenancy.Tenant;
import io.creditflow.tenancy.Tenants;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Makes a fresh tenant for a test (unique slug, an owner, an API key with every tenant scope), so tests share one
 * database without seeing each other's data. Every {@code @CreditflowTest} has it.
 */
@TestComponent
public class TestTenants {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final String PASSWORD = "test-password-123";

    private final Tenants tenants;
    private final ConsoleUsers users;
    private final ApiKeys apiKeys;
    private final TenantScope tenantScope;
    private final org.springframework.core.env.Environment environment;

    TestTenants(Tenants tenants, ConsoleUsers users, ApiKeys apiKeys, TenantScope tenantScope,
                org.springframework.core.env.Environment environment) {
        this.tenants = tenants;
        this.users = users;
        this.apiKeys = apiKeys;
        this.tenantScope = tenantScope;
        this.environment = environment;
    }

    /** A tenant with an owner ({@code owner@<slug>.test}) and a full-scope API key. */
    public record TestTenant(UUID id, String slug, String apiKey, RestClient api, String baseUrl) {
        public String user(Role role) {
            return role.name().toLowerCase() + "@" + slug + ".test";
        }
    }

    public TestTenant create() {
        return create(ApiKeys.allTenantScopes());
    }

    public TestTenant create(Set<String> scopes) {
        String slug = "t" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = tenants.create(slug, "Test " + slug, "NL", "nl");
        for (Role role : Role.values()) {
            if (role.isTenantRole()) {
                users.create(tenant.id(), role.name().toLowerCase() + "@" + slug + ".test", role.name(), PASSWORD,
                        Set.of(role));
            }
        }
        String key = tenantScope.inTenant(tenant.id(), () -> apiKeys.issue("test", scopes, "test").key());
        String baseUrl = "http://localhost:" + environment.getProperty("local.server.port");
        return new TestTenant(tenant.id(), slug, key, api(baseUrl, key), baseUrl);
    }

    /** An API key with just these scopes in an existing tenant. */
    public RestClient apiWithScopes(TestTenant tenant, Set<String> scopes) {
        String key = tenantScope.inTenant(tenant.id(), () -> apiKeys.issue("scoped", scopes, "test").key());
        return api(tenant.baseUrl(), key);
    }

    /** Issues a read-only key in the current tenant and returns it in clear. */
    public String apiWithScopesKey(TestTenant tenant) {
        return apiKeys.issue("revocable", Set.of("receivables:read"), "test").key();
    }

    public <T> T inTenant(TestTenant tenant, Supplier<T> work) {
        return tenantScope.inTenant(tenant.id(), work);
    }

    public static RestClient api(String baseUrl, String key) {
        return RestClient.builder().baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .defaultStatusHandler(status -> true, (req, res) -> { })
                .build();
    }
}
