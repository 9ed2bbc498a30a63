package io.creditflow.platform.database;

import io.creditflow.platform.TenantContext;
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
import java.util.concurrent.Executor;

/**
 * Binds every connection checked out while a tenant is in context to that tenant ({@code app.tenant_id} for the
 * session) and unbinds it before the connection goes back to the pool. Together with the transaction manager's
 * {@code SET LOCAL} this makes tenant data reachable in autocommit reads too, instead of silently empty, while a
 * connection never carries a tenant into someone else's use: if unbinding fails, the connection is destroyed.
 */
final class TenantBindingDataSource extends DelegatingDataSource {

    private static final String SET = "select set_config('app.tenant_id', ?, false)";

    TenantBindingDataSource(DataSource target) {
        super(target);
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
                    Executor direct = Runnable::run;
                    target.abort(direct);
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
