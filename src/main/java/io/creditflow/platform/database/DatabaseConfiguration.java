package io.creditflow.platform.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Wraps the pool so that connections are bound to the current tenant (see {@link TenantBindingDataSource}). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor tenantBindingDataSource() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof com.zaxxer.hikari.HikariDataSource hikari && beanName.equals("dataSource")
                        ? new TenantBindingDataSource(hikari) : bean;
            }
        };
    }

    /**
     * Transactions take their connection straight from the pool and bind it with SET LOCAL; the tenant-binding wrapper
     * is only for connections used outside a transaction.
     */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantTransactionManager(dataSource instanceof TenantBindingDataSource binding
                ? binding.getTargetDataSource() : dataSource);
    }

    /** Migrations grant the application role its privileges; the role is whoever the datasource connects as. */
    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(@Value("${spring.datasource.username}") String appRole) {
        return configuration -> configuration.placeholders(Map.of("appRole", appRole));
    }

    @Bean
    RowLevelSecurityGuard rowLevelSecurityGuard(JdbcClient jdbc,
                                                @Value("${creditflow.database.allow-rls-bypass:false}") boolean allowBypass) {
        return new RowLevelSecurityGuard(jdbc, allowBypass);
    }
}
