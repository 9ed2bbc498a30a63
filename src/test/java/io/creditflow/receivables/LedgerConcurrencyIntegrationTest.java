package io.creditflow.receivables;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.support.CreditflowTest;
import io.creditflow.support.TestTenants;
import io.creditflow.support.TestTenants.TestTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.LEDGER_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads post payments, costs and reversals to the same few invoices at once through {@link Ledger#post}: the
 * open amount must always equal the sum of the entries, never go below zero (the overpaying posting is refused), and
 * the accepted payments must add up exactly to what was paid off.
 */
@CreditflowTest
class LedgerConcurrencyIntegrationTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    Debtors debtors;
    @Autowired
    Invoices invoices;
    @Autowired
    Ledger ledger;
    @Autowired
    DSLContext dsl;

    @ParameterizedTest
    @ValueSource(longs = {11, 42, 2026})
    void concurrentWritersKeepTheOpenAmountEqualToTheSumOfEntries(long seed) throws Exception {
        TestTenant tenant = tenants.create();
        List<UUID> ids = tenants.inTenant(tenant, () -> {
            debtors.register(new DebtorInput("L-1", DebtorType.BUSINESS, null, null, null, List.of(),
                    new DebtorProfile("Ledger B.V.", null, null, List.of(), List.of(), List.of(), List.of(), null,
                            null, null)));
            List<UUID> created = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                created.add(invoices.register(new InvoiceInput(null, null, "L-1", "L-" + seed + "-" + i, null,
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15), "EUR", new BigDecimal("100.00"), null,
                        null, List.of()), "TEST").id());
            }
            return created;
        });
        ConcurrentHashMap<UUID, BigDecimal> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + t);
            futures.add(pool.submit(() -> {
                start.await();
                for (int k = 0; k < 40; k++) {
                    UUID id = ids.get(rnd.nextInt(ids.size()));
                    BigDecimal amount = BigDecimal.valueOf(1 + rnd.nextInt(1_500), 2);
                    boolean cost = rnd.nextInt(10) == 0;
                    try {
                        tenants.inTenant(tenant, () -> cost
                                ? ledger.post(id, LedgerEntryKind.COST_CHARGED, BigDecimal.ZERO, amount, BigDecimal.ZERO,
                                        LocalDate.of(2026, 11, 1), null, "costs")
                                : ledger.post(id, LedgerEntryKind.PAYMENT, amount.negate(), BigDecimal.ZERO,
                                        BigDecimal.ZERO, LocalDate.of(2026, 11, 1), "pay", null));
                        accepted.merge(id, cost ? amount : amount.negate(), BigDecimal::add);
                    } catch (BusinessRuleException e) {
                        assertThat(e.rule()).isEqualTo("exceeds-open-amount");
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(refused.get()).as("some payments overpay and must be refused").isPositive();
        tenants.inTenant(tenant, () -> {
            for (UUID id : ids) {
                var inv = dsl.selectFrom(INVOICE).where(INVOICE.ID.eq(id)).fetchSingle();
                var sums = dsl.select(org.jooq.impl.DSL.sum(LEDGER_ENTRY.PRINCIPAL), org.jooq.impl.DSL.sum(LEDGER_ENTRY.COSTS),
                        org.jooq.impl.DSL.count(), org.jooq.impl.DSL.max(LEDGER_ENTRY.SEQ))
                        .from(LEDGER_ENTRY).where(LEDGER_ENTRY.INVOICE_ID.eq(id)).fetchSingle();
                assertThat(inv.getOpenPrincipal()).isEqualByComparingTo(sums.value1());
                assertThat(inv.getOpenCosts()).isEqualByComparingTo(sums.value2());
                assertThat(sums.value3()).isEqualTo(sums.value4()).isEqualTo(inv.getLedgerSeq());
                assertThat(inv.getOpenPrincipal().signum()).isGreaterThanOrEqualTo(0);
                BigDecimal open = inv.getOpenPrincipal().add(inv.getOpenCosts()).add(inv.getOpenInterest());
                assertThat(open).isEqualByComparingTo(new BigDecimal("100.00")
                        .add(accepted.getOrDefault(id, BigDecimal.ZERO)));
                assertThat(inv.getStatus()).isEqualTo(open.signum() == 0 ? "PAID"
                        : inv.getOpenPrincipal().compareTo(new BigDecimal("100.00")) < 0 ? "PARTIALLY_PAID" : "OPEN");
            }
            return null;
        });
    }
}
