package io.creditflow.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A full Creditflow on a real (embedded, ephemeral) PostgreSQL, shared by every test class of the run: each class
 * makes its own tenants ({@link TestTenants}), so classes do not see each other's data (row-level security again).
 * Keep the configuration identical across test classes so that Spring caches one context for the whole run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import({TestTenants.class, PrivacyFixtures.class})
public @interface CreditflowTest {
}
