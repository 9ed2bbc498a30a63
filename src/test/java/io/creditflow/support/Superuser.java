package io.creditflow.support;

import io.creditflow.platform.database.EmbeddedPostgresEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded database's superuser, for what tests must do behind the application's back: tamper with the audit
 * log, dump every table, look at policies. The application itself never connects like this.
 */
public final class Superuser {

    private Superuser() {
    }

    public static JdbcClient jdbc(Environment environment) {
        return JdbcClient.create(dataSource(environment));
    }

    public static DriverManagerDataSource dataSource(Environment environment) {
        int port = Integer.parseInt(environment.getRequiredProperty("creditflow.database.embedded-port"));
        return new DriverManagerDataSource(EmbeddedPostgresEnvironment.superuserUrl(port));
    }
}
