package io.creditflow.platform.database;

import io.creditflow.platform.TenantContext;
import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Tenant binding for work outside a transaction. Inside one, the transaction manager binds the connection with
 * {@code SET LOCAL} when the transaction begins, and Spring hands out that same connection: this class is an
 * {@link InfrastructureProxy}, so transaction resources registered for the pool are found through it. A connection
 * checked out here, outside any transaction, while a tenant is in context, is bound for the session and unbound
 * before it goes back to the pool (destroyed if unbinding fails), so autocommit reads see their tenant's rows instead
 * of silently nothing, and a pooled connection never carries a tenant into someone else's use.
 */
final class TenantBindingDataSource extends DelegatingDataSource implements InfrastructureProxy {

    private static final String SET = "select set_config('app.tenant_id', ?, false)";

    TenantBindingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Object getWrappedObject() {
        return obtainTargetDataSource();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(super.getConnection(username, password));
    }

    private static Connection bind(Connection connection) throws SQLException {
        UUID tenant = TenantContext.current().orElse(null);
        if (tenant == null) {
            return connection;
        }
        try {
            set(connection, tenant.toString());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(TenantBindingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Unbinding(connection));
    }

    private static void set(Connection connection, String value) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement st = connection.prepareStatement(SET)) {
            st.setString(1, value);
            st.execute();
        }
        if (!autoCommit) {
            connection.commit();
        }
    }

    private record Unbinding(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close")) {
                try {
                    if (!target.isClosed()) {
                        if (!target.getAutoCommit()) {
                            target.rollback();
                        }
                        set(target, "");
                    }
                } catch (SQLException e) {
                    target.abort(Runnable::run);
                }
                target.close();
                return null;
            }
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return target;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
