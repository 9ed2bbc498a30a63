package io.creditflow.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Enters a tenant: sets {@link TenantContext} and, if a transaction is already running on this thread, switches its
 * database setting too (event listeners and jobs learn the tenant only after their transaction began).
 */
@Component
public class TenantScope {

    private final DataSource dataSource;
    private final TransactionTemplate newTransaction;

    public TenantScope(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Enters the tenant until the returned scope is closed; the previous tenant (if any) is restored then. */
    public Scope enter(UUID tenantId) {
        UUID previous = TenantContext.set(tenantId);
        applyToRunningTransaction(tenantId);
        return () -> {
            TenantContext.set(previous);
            applyToRunningTransaction(previous);
        };
    }

    /** Runs the work in a new transaction of the given tenant. */
    public <T> T inTenant(UUID tenantId, Supplier<T> work) {
        try (Scope ignored = enter(tenantId)) {
            return newTransaction.execute(status -> work.get());
        }
    }

    public void inTenant(UUID tenantId, Runnable work) {
        inTenant(tenantId, () -> {
            work.run();
            return null;
        });
    }

    private void applyToRunningTransaction(@Nullable UUID tenantId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            TenantTransactions.apply(connection, tenantId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not switch the transaction to tenant " + tenantId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A tenant scope; closing it restores the previous tenant. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The one statement that binds a transaction to a tenant: {@code SET LOCAL app.tenant_id}. */
    public static final class TenantTransactions {
        private TenantTransactions() {
        }

        public static void apply(Connection connection, @Nullable UUID tenantId) throws SQLException {
            try (PreparedStatement st = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                st.setString(1, tenantId == null ? "" : tenantId.toString());
                st.execute();
            }
        }
    }
}
