package io.creditflow.platform.database;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's COPY into a session-local staging table, on the connection of the current transaction: the fastest way
 * to move many rows in. Row-level security forbids COPY into tenant tables, which is why bulk writers copy into a
 * temporary table and then INSERT ... SELECT (checked by the policies) in one statement.
 */
@org.springframework.stereotype.Component
public final class CopyIn {

    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;

    public CopyIn(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the staging table for this session if needed, and empties it. */
    public void prepare(String table, String columns) {
        execute("create temp table if not exists " + table + " (" + columns + ") on commit delete rows; truncate "
                + table);
    }

    public long copy(String table, String columns, CharSequence csv) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)",
                            new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void execute(String sql) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Builds CSV for COPY: every text quoted, null as an empty unquoted field, bytea as hex. */
    public static final class Rows {
        private final StringBuilder sb = new StringBuilder(1 << 16);
        private boolean first = true;

        public Rows text(@org.jspecify.annotations.Nullable Object value) {
            sep();
            if (value != null) {
                String s = value.toString();
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"') {
                        sb.append('"');
                    }
                    sb.append(c);
                }
                sb.append('"');
            }
            return this;
        }

        public Rows uuid(@org.jspecify.annotations.Nullable UUID value) {
            sep();
            if (value != null) {
                sb.append(value);
            }
            return this;
        }

        public Rows number(@org.jspecify.annotations.Nullable BigDecimal value) {
            sep();
            if (value != null) {
                sb.append(value.toPlainString());
            }
            return this;
        }

        public Rows date(@org.jspecify.annotations.Nullable LocalDate value) {
            sep();
            if (value != null) {
                sb.append(value);
            }
            return this;
        }

        public Rows bool(boolean value) {
            sep();
            sb.append(value ? 't' : 'f');
            return this;
        }

        public Rows bytes(byte @org.jspecify.annotations.Nullable [] value) {
            sep();
            if (value != null) {
                sb.append("\\x").append(HEX.formatHex(value));
            }
            return this;
        }

        public Rows textArray(List<String> values) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return text(array.append('}').toString());
        }

        public Rows end() {
            sb.append('\n');
            first = true;
            return this;
        }

        public boolean isEmpty() {
            return sb.isEmpty();
        }

        public CharSequence csv() {
            return sb;
        }

        private void sep() {
            if (!first) {
                sb.append(',');
            }
            first = false;
        }
    }
}
