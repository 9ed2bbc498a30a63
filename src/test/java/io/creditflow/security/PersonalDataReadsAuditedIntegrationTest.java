package io.creditflow.security;

import io.creditflow.support.ConsoleSession;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.PrivacyFixtures;
import io.creditflow.support.PrivacyFixtures.Person;
import io.creditflow.support.Superuser;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import io.creditflow.tenancy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read of personal data is in the audit log: every GET endpoint of the API and every console page, enumerated
 * from Spring MVC, is called for a tenant with one person; whenever the answer shows any of the person's values, the
 * audit log must have gained an entry about that person (as subject, or among the ids of a list read) during the call.
 */
@CreditflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataReadsAuditedIntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired TestTenants tenants;
    @Autowired PrivacyFixtures fixtures;
    @Autowired Environment environment;

    TestTenant tenant;
    Person person;
    ConsoleSession owner;
    Map<String, UUID> ids;
    final Set<String> showedPersonalData = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void aPerson() {
        tenant = tenants.create();
        person = fixtures.person(tenant, 91);
        tenant.api().post().uri("/api/v1/privacy/debtors/{id}/rectifications", person.debtorId())
                .contentType(MediaType.APPLICATION_JSON).body("{\"section\":\"receivables.debtor\","
                        + "\"values\":{\"contactPerson\":\"" + person.name() + " jr\"},\"reason\":\"phone call\"}")
                .retrieve().toBodilessEntity();
        owner = new ConsoleSession(tenant.baseUrl());
        owner.login(tenant.user(Role.OWNER), TestTenants.PASSWORD);
        ids = new TreeMap<>();
        var jdbc = Superuser.jdbc(environment);
        for (String table : jdbc.sql("""
                select c.table_name from information_schema.columns c where c.table_schema = 'public'
                   and c.column_name = 'id' and c.data_type = 'uuid' and exists (select 1 from information_schema.columns t
                   where t.table_schema = 'public' and t.table_name = c.table_name and t.column_name = 'tenant_id')""")
                .query(String.class).list()) {
            jdbc.sql("select id from \"" + table + "\" where tenant_id = ? limit 1").param(tenant.id())
                    .query(UUID.class).optional().ifPresent(id -> ids.put(table, id));
        }
        ids.put("debtor", person.debtorId());
    }

    @TestFactory
    Stream<DynamicTest> everyApiReadOfPersonalDataIsAudited() {
        return Endpoints.all(context).stream().filter(e -> e.method().equals("GET") && e.pattern().startsWith("/api/")
                        && !e.authorities().contains("platform:operate"))
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    long before = entriesAbout();
                    var response = tenant.api().get().uri(path(e)).retrieve().toEntity(byte[].class);
                    check(e.toString(), response.getBody(), before);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyConsoleReadOfPersonalDataIsAudited() {
        return Endpoints.all(context).stream().filter(e -> e.method().equals("GET")
                        && e.pattern().startsWith("/console/"))
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
                    long before = entriesAbout();
                    var response = owner.get(path(e));
                    check(e.toString(), response.body().getBytes(StandardCharsets.UTF_8), before);
                }));
    }

    @Test
    void theChecksSawPersonalDataOnTheKeyPages() {
        everyApiReadOfPersonalDataIsAudited().forEach(t -> runQuietly(t));
        everyConsoleReadOfPersonalDataIsAudited().forEach(t -> runQuietly(t));
        assertThat(showedPersonalData).contains("GET /api/v1/debtors/{id}", "GET /api/v1/debtors",
                "GET /console/debtors/{id}", "GET /console/privacy/debtors/{id}",
                "GET /api/v1/privacy/debtors/{id}/export");
    }

    private void check(String endpoint, byte[] body, long before) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        boolean shows = person.secrets().stream().filter(s -> !s.equals(person.externalId())).anyMatch(text::contains);
        if (!shows) {
            return;
        }
        showedPersonalData.add(endpoint);
        assertThat(entriesAbout()).as("%s showed the person's data without an audit entry", endpoint)
                .isGreaterThan(before);
    }

    /** Entries about the person, sealed or pending. */
    private long entriesAbout() {
        String id = person.debtorId().toString();
        return Superuser.jdbc(environment).sql("""
                select (select count(*) from audit_entry where tenant_id = :t and (subject_id = :s or details like :d))
                     + (select count(*) from audit_pending where tenant_id = :t and (subject_id = :s or details like :d))""")
                .param("t", tenant.id()).param("s", person.debtorId()).param("d", "%" + id + "%")
                .query(Long.class).single();
    }

    private String path(Endpoints.Endpoint e) {
        String path = e.pattern();
        for (String v : e.variables().keySet()) {
            String before = path.substring(0, path.indexOf("{" + v));
            String[] segments = before.split("/");
            String name = v.endsWith("Id") ? v.substring(0, v.length() - 2) : segments[segments.length - 1];
            String singular = name.replace('-', '_').replaceAll("ies$", "y").replaceAll("s$", "");
            UUID id = ids.entrySet().stream().filter(x -> x.getKey().equals(singular)
                    || x.getKey().endsWith("_" + singular)).map(Map.Entry::getValue).findFirst().orElse(UUID.randomUUID());
            path = path.replaceFirst("\\{" + Pattern.quote(v) + "(:[^}]*)?}",
                    e.variables().get(v).equals(UUID.class) ? id.toString() : "x");
        }
        return path;
    }

    private static void runQuietly(DynamicTest t) {
        try {
            t.getExecutable().execute();
        } catch (Throwable ignored) {
            // reported by the test factories themselves
        }
    }
}
