package io.creditflow.audit;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one constant insert statement for many rows (a JDBC batch) on the current transaction's connection. Every
 * audited action and every seal passes here (hundreds a second under credit-check load), and rendering these inserts
 * through jOOQ each time cost more CPU than the inserts themselves.
 */
final class ConstantInsert {

    private ConstantInsert() {
    }

    static void run(DataSource dataSource, String sql, List<Object[]> rows, String failure) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    st.setObject(i + 1, row[i]);
                }
                if (rows.size() > 1) {
                    st.addBatch();
                }
            }
            if (rows.size() > 1) {
                st.executeBatch();
            } else {
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException(failure + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
