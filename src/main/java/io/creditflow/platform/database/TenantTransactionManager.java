package io.creditflow.platform.database;

import io.creditflow.platform.TenantContext;
import io.creditflow.platform.TenantScope;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A JDBC transaction manager that binds every transaction to the current tenant ({@code SET LOCAL app.tenant_id})
 * right after it begins, so row-level security applies to everything inside. Outside a tenant the setting is empty
 * and tenant tables look empty.
 */
class TenantTransactionManager extends JdbcTransactionManager {

    TenantTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        var tenant = TenantContext.current();
        if (tenant.isPresent()) {
            TenantScope.TenantTransactions.apply(con, tenant.get());
        }
    }
}
