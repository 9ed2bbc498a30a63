package io.creditflow.platform;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Keeps PostgreSQL's planner statistics current while bulk work grows a tenant's share of a table. Autovacuum
 * analyzes a shared table only after about a tenth of it changed, so the 50,000 rows a new tenant writes into a table
 * of 1,000,000 stay unknown to the planner: it estimates that tenant's rows at almost none and may then answer a
 * lookup (a foreign-key check, a claim, an existence check) through an index that reads all of the tenant's rows,
 * once per row or batch. Bulk writers call this at growing intervals ({@link Growth}): a handful of ANALYZEs per run,
 * each a sample of at most 30,000 rows (database functions of migration V3, since the application role may not
 * ANALYZE tables it does not own).
 */
@Component
public class PlannerStatistics {

    /** Tables with fewer committed changes since their last analysis are left to autovacuum. */
    static final long MIN_CHANGES = 1_000;

    private final DSLContext dsl;
    private final TransactionTemplate ownTransaction;

    PlannerStatistics(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Analyzes the given tenant tables in the caller's transaction, counting that transaction's own uncommitted rows
     * (an all-or-nothing import refreshes its tables part-way). The tables' ANALYZE lock is then held until the
     * transaction ends: other sessions' ANALYZEs of them skip or wait; reads and writes are not affected.
     */
    public void refresh(String... tables) {
        dsl.resultQuery("select refresh_planner_statistics({0})", DSL.val(tables)).fetch();
    }

    /**
     * Analyzes, in a short transaction of its own, every tenant table with at least {@value #MIN_CHANGES} committed
     * changes since its last analysis; returns their names. For work that commits as it goes (a dunning run's
     * batches).
     */
    public List<String> refreshStale() {
        String[] done = ownTransaction.execute(s -> dsl.resultQuery("select refresh_stale_planner_statistics({0})",
                MIN_CHANGES).fetchSingle(0, String[].class));
        return done == null ? List.of() : List.of(done);
    }

    /** Starts counting rows written: due first at {@code first} rows, then each time the count has quadrupled. */
    public static Growth growth(long first) {
        return new Growth(first);
    }

    /**
     * A row counter that says when statistics are due: at the first threshold, then each time the count has grown
     * fourfold, so a run of n rows refreshes about log4(n / first) times and the planner never sees less than a
     * quarter of what the tenant has written (enough to choose between an index and a scan).
     */
    public static final class Growth {
        private long written;
        private long next;

        private Growth(long first) {
            if (first < 1) {
                throw new IllegalArgumentException("first threshold must be positive");
            }
            this.next = first;
        }

        /**
         * Adds rows written; true when this addition crossed a threshold (statistics are due). Safe for several
         * workers of one run: each threshold is reported to exactly one of them.
         */
        public synchronized boolean add(long rows) {
            written += rows;
            if (written < next) {
                return false;
            }
            while (next <= written) {
                next *= 4;
            }
            return true;
        }

        public synchronized long written() {
            return written;
        }
    }
}
