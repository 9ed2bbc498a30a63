package io.creditflow.acceptance;

import io.creditflow.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The two statements of a credit check's hot path, in plain JDBC on the transaction's connection: gather the facts
 * under the identity's lock ({@code credit_check_begin}, one round trip), and record the check with its reservation,
 * its referral and the identity's limit when it changed (one statement of data-modifying CTEs, one round trip);
 * {@code limit_at} is when the limit (or the external answers) last changed. Everything else in
 * this module uses jOOQ; here the throughput target (thousands of checks a second on two cores) asks for the fewest
 * round trips and the least per-statement overhead.
 */
@Component
class CheckStatements {

    /**
     * The facts, and alongside them (same round trip) the worst dunning step of the linked debtors through the dunning
     * module's SQL API ({@code dunning_worst_steps}, V22; {@code dunning.DunningSeverity} in Java). It reads in the
     * statement's snapshot, which may predate the identity lock: right for history, which no concurrent check
     * changes (exposure is read inside the function, after the lock).
     */
    private static final String BEGIN = """
            select b.*, case when b.replay_check_id is null and cardinality(b.debtor_ids) > 0
                        then coalesce((select max(w.severity) from dunning_worst_steps(b.debtor_ids, ?) w), 0)
                        end as dunning_worst_step
              from credit_check_begin(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as interval)) b""";

    /** How far back the worst dunning step counts: two years, like the payment-plan signal. */
    static final int DUNNING_MONTHS = 24;

    private static final String RECORD = """
            with chk as (
              insert into credit_check (tenant_id, id, created_at, identity_id, subject_id, applicant_type, decision,
                  score, risk_band, credit_limit, available_limit, amount, currency, channel, product_category,
                  order_reference, natural_key, policy_version, variant, scorer, reasons, conditions, rules_fired,
                  factors, signals, sources, inputs, answers, language, latency_micros, actor)
              values (current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),
                  cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?, ?,
                  ?, ?)
            ), superseded as (
              update credit_reservation set status = 'RELEASED', closed_at = ?
               where tenant_id = current_tenant() and identity_id = ? and order_reference = ?
                 and status in ('OPEN', 'PENDING_REVIEW')
            ), reservation as (
              insert into credit_reservation (tenant_id, check_id, identity_id, amount, currency, order_reference,
                  status, expires_at, created_at)
              select current_tenant(), cast(? as uuid), cast(? as uuid), cast(? as numeric), cast(? as text),
                     cast(? as text), cast(? as text), cast(? as timestamptz), cast(? as timestamptz) where ?
            ), referral as (
              insert into credit_review (tenant_id, id, check_id, kind, status, requested_at, requested_by)
              select current_tenant(), cast(? as uuid), cast(? as uuid), 'REFER', 'OPEN', cast(? as timestamptz),
                     'policy' where ?
            )
            update credit_identity set policy_limit = x.lim, limit_source = x.src, limit_at = x.at,
                   external_summary = coalesce(x.summary, external_summary),
                   external_digest = coalesce(x.digest, external_digest)
              from (select cast(? as numeric) as lim, cast(? as text) as src, cast(? as timestamptz) as at,
                           cast(? as jsonb) as summary, cast(? as bytea) as digest) x
             where tenant_id = current_tenant() and id = ?
               -- only a change writes: a repeat check with the same limit and answers leaves the row alone (the
               -- identity row was already written once in this transaction by credit_check_begin)
               and (policy_limit is distinct from x.lim or limit_source is distinct from x.src
                    or (x.digest is not null and external_digest is distinct from x.digest))""";

    private final DataSource dataSource;

    CheckStatements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    CheckFacts begin(IdentityKeys keys, UUID newIdentity, UUID newSubject, OffsetDateTime now, LocalDate today,
                     @Nullable String orderReference, int windowDays) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement st = c.prepareStatement(BEGIN)) {
            st.setObject(1, today.minusMonths(DUNNING_MONTHS));
            st.setBytes(2, keys.identityKey());
            st.setString(3, keys.kind());
            st.setObject(4, newIdentity);
            st.setObject(5, newSubject);
            st.setObject(6, now);
            st.setObject(7, today);
            st.setBytes(8, keys.naturalKey());
            st.setString(9, orderReference);
            st.setBytes(10, keys.kvk());
            st.setBytes(11, keys.dob());
            st.setBytes(12, keys.lastName());
            st.setArray(13, c.createArrayOf("text", keys.attributeKinds().toArray(new String[0])));
            st.setArray(14, c.createArrayOf("bytea", keys.attributeDigests().toArray(new byte[0][])));
            st.setString(15, windowDays + " days");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return facts(rs);
            }
        } catch (SQLException e) {
            throw translate("gathering the facts of a credit check", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static CheckFacts facts(ResultSet rs) throws SQLException {
        Array debtors = rs.getArray("debtor_ids");
        List<UUID> debtorIds = debtors == null ? List.of() : Arrays.asList((UUID[]) debtors.getArray());
        return new CheckFacts(rs.getObject("identity_id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getBoolean("identity_new"), rs.getBigDecimal("manual_limit"),
                rs.getObject("replay_check_id", UUID.class), debtorIds, zero(rs.getBigDecimal("open_amount")),
                zero(rs.getBigDecimal("overdue_amount")), rs.getInt("max_days_overdue"), rs.getInt("in_collection"),
                rs.getInt("disputed"), rs.getInt("paid_count_12m"), rs.getBigDecimal("avg_days_late_12m"),
                (Integer) rs.getObject("max_days_late_12m"), zero(rs.getBigDecimal("paid_within_60_12m")),
                rs.getObject("first_invoice", LocalDate.class), zero(rs.getBigDecimal("open_orders")),
                rs.getInt("open_order_count"), rs.getInt("checks_1h"), rs.getInt("checks_24h"),
                rs.getInt("shared_email"), rs.getInt("shared_iban"), rs.getInt("shared_phone"),
                rs.getInt("shared_address"), rs.getBoolean("restricted"), (Integer) rs.getObject("dunning_worst_step"));
    }

    /** A check row ready to insert, with what goes along with it. */
    record Row(UUID id, OffsetDateTime createdAt, UUID identityId, UUID subjectId, String applicantType, String decision,
               int score, String riskBand, BigDecimal limit, BigDecimal available, BigDecimal amount, String currency,
               @Nullable String channel, @Nullable String productCategory, @Nullable String orderReference,
               byte @Nullable [] naturalKey, int policyVersion, String variant, String scorer, String reasonsJson,
               String conditionsJson, String rulesJson, String factorsJson, String signalsJson, String sourcesJson, byte[] inputs,
               byte @Nullable [] answers, String language, int latencyMicros, String actor,
               @Nullable String reservationStatus, OffsetDateTime reservationExpires, @Nullable UUID referralId,
               String limitSource, @Nullable String externalSummaryJson, byte @Nullable [] externalDigest) {
    }

    void record(Row r) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement st = c.prepareStatement(RECORD)) {
            int i = 1;
            st.setObject(i++, r.id());
            st.setObject(i++, r.createdAt());
            st.setObject(i++, r.identityId());
            st.setObject(i++, r.subjectId());
            st.setString(i++, r.applicantType());
            st.setString(i++, r.decision());
            st.setInt(i++, r.score());
            st.setString(i++, r.riskBand());
            st.setBigDecimal(i++, r.limit());
            st.setBigDecimal(i++, r.available());
            st.setBigDecimal(i++, r.amount());
            st.setString(i++, r.currency());
            st.setString(i++, r.channel());
            st.setString(i++, r.productCategory());
            st.setString(i++, r.orderReference());
            st.setBytes(i++, r.naturalKey());
            st.setInt(i++, r.policyVersion());
            st.setString(i++, r.variant());
            st.setString(i++, r.scorer());
            st.setString(i++, r.reasonsJson());
            st.setString(i++, r.conditionsJson());
            st.setString(i++, r.rulesJson());
            st.setString(i++, r.factorsJson());
            st.setString(i++, r.signalsJson());
            st.setString(i++, r.sourcesJson());
            st.setBytes(i++, r.inputs());
            st.setBytes(i++, r.answers());
            st.setString(i++, r.language());
            st.setInt(i++, r.latencyMicros());
            st.setString(i++, r.actor());
            // superseded reservation of an amended order (same reference)
            st.setObject(i++, r.createdAt());
            st.setObject(i++, r.identityId());
            st.setString(i++, r.orderReference());
            // reservation
            st.setObject(i++, r.id());
            st.setObject(i++, r.identityId());
            st.setBigDecimal(i++, r.amount());
            st.setString(i++, r.currency());
            st.setString(i++, r.orderReference());
            st.setString(i++, r.reservationStatus() == null ? "OPEN" : r.reservationStatus());
            st.setObject(i++, r.reservationExpires());
            st.setObject(i++, r.createdAt());
            st.setBoolean(i++, r.reservationStatus() != null);
            // referral
            st.setObject(i++, r.referralId());
            st.setObject(i++, r.id());
            st.setObject(i++, r.createdAt());
            st.setBoolean(i++, r.referralId() != null);
            // the identity's current limit, for the limits overview and monitoring
            st.setBigDecimal(i++, r.limit());
            st.setString(i++, r.limitSource());
            st.setObject(i++, r.createdAt());
            st.setString(i++, r.externalSummaryJson());
            st.setBytes(i++, r.externalDigest());
            st.setObject(i, r.identityId());
            st.executeUpdate();
        } catch (SQLException e) {
            throw translate("recording a credit check", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static BigDecimal zero(@Nullable BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }

    private static RuntimeException translate(String what, SQLException e) {
        return new org.springframework.dao.DataAccessResourceFailureException("Failed " + what + " in tenant "
                + TenantContext.current().orElse(null) + ": " + e.getMessage(), e);
    }
}
