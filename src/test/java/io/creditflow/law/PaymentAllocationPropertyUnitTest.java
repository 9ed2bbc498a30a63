package io.creditflow.law;

import io.creditflow.law.Allocation.ClaimAllocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random debtors: few distinct rates and dates, so ties and pro rata shares are common. */
class PaymentAllocationPropertyUnitTest {

    private static final LocalDate PAID_ON = LocalDate.of(2025, 6, 1);

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void allocationsAddUpToThePaymentExactly(long seed) {
        Random random = new Random(seed);
        List<ClaimSnapshot> claims = randomClaims(random);
        IncomingPayment payment = randomPayment(random, claims);
        Allocation allocation = PaymentAllocation.allocate(payment, claims);

        BigDecimal allocated = allocation.claims().stream().map(ClaimAllocation::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(allocated.add(allocation.unallocated())).isEqualByComparingTo(payment.amount());
        assertThat(allocation.unallocated().signum()).isGreaterThanOrEqualTo(0);
        assertThat(allocation.claims()).hasSameSizeAs(claims);
        allocation.claims().forEach(line -> assertThat(line.total().scale()).isEqualTo(2));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void eachClaimIsServedCostsThenInterestThenPrincipalAndNeverBeyondWhatIsOpen(long seed) {
        Random random = new Random(seed);
        List<ClaimSnapshot> claims = randomClaims(random);
        Allocation allocation = PaymentAllocation.allocate(randomPayment(random, claims), claims);
        Map<String, ClaimSnapshot> byId = claims.stream().collect(Collectors.toMap(ClaimSnapshot::id, Function.identity()));

        for (ClaimAllocation line : allocation.claims()) {
            ClaimSnapshot claim = byId.get(line.claimId());
            assertThat(line.toCosts()).isBetween(BigDecimal.ZERO, claim.openCosts());
            assertThat(line.toInterest()).isBetween(BigDecimal.ZERO, claim.openInterest());
            assertThat(line.toPrincipal()).isBetween(BigDecimal.ZERO, claim.openPrincipal());
            if (line.toInterest().signum() > 0) {
                assertThat(line.toCosts()).isEqualByComparingTo(claim.openCosts());
            }
            if (line.toPrincipal().signum() > 0) {
                assertThat(line.toInterest()).isEqualByComparingTo(claim.openInterest());
            }
            assertThat(line.openAfter()).isEqualByComparingTo(claim.open().subtract(line.total()));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLaterRankGetsNothingUntilEveryEarlierRankIsPaidInFull(long seed) {
        Random random = new Random(seed);
        List<ClaimSnapshot> claims = randomClaims(random);
        Allocation allocation = PaymentAllocation.allocate(randomPayment(random, claims), claims);

        List<ClaimAllocation> lines = allocation.claims();
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).rank()).isGreaterThanOrEqualTo(lines.get(i - 1).rank());
        }
        for (ClaimAllocation later : lines) {
            if (later.total().signum() > 0) {
                lines.stream().filter(earlier -> earlier.rank() < later.rank())
                        .forEach(earlier -> assertThat(earlier.openAfter()).as(earlier.claimId()).isZero());
            }
        }
        if (allocation.unallocated().signum() > 0) {
            assertThat(lines).allSatisfy(line -> assertThat(line.openAfter()).isZero());
        }
    }

    // Pro rata: within a rank that the payment does not cover, shares follow the open amounts to within a cent.
    @ParameterizedTest
    @MethodSource("seeds")
    void proRataSharesAreProportionalToWithinACent(long seed) {
        Random random = new Random(seed);
        List<ClaimSnapshot> claims = randomClaims(random);
        Allocation allocation = PaymentAllocation.allocate(randomPayment(random, claims), claims);
        Map<String, ClaimSnapshot> byId = claims.stream().collect(Collectors.toMap(ClaimSnapshot::id, Function.identity()));

        Map<Integer, List<ClaimAllocation>> shared = allocation.claims().stream().filter(ClaimAllocation::proRata)
                .collect(Collectors.groupingBy(ClaimAllocation::rank));
        shared.values().forEach(rank -> {
            BigDecimal paid = rank.stream().map(ClaimAllocation::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal open = rank.stream().map(line -> byId.get(line.claimId()).open())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            for (ClaimAllocation line : rank) {
                BigDecimal exact = paid.multiply(byId.get(line.claimId()).open())
                        .divide(open, 10, java.math.RoundingMode.HALF_UP);
                assertThat(line.total().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
            }
        });
    }

    private static List<ClaimSnapshot> randomClaims(Random random) {
        List<ClaimSnapshot> claims = new ArrayList<>();
        for (int i = 0, count = random.nextInt(8); i < count; i++) {
            LocalDate due = PAID_ON.plusDays(-30 + 15L * random.nextInt(4));
            BigDecimal rate = List.of(BigDecimal.ZERO, new BigDecimal("6"), new BigDecimal("12.25"))
                    .get(random.nextInt(3));
            claims.add(ClaimSnapshot.of("C" + i, due, cents(random, 5_000), cents(random, 3_000), cents(random, 100_000))
                    .withBurden(rate, random.nextInt(3) == 0 ? new BigDecimal("40.00") : BigDecimal.ZERO));
        }
        return claims;
    }

    private static IncomingPayment randomPayment(Random random, List<ClaimSnapshot> claims) {
        BigDecimal open = claims.stream().map(ClaimSnapshot::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        long maxCents = open.movePointRight(2).longValueExact() * 6 / 5 + 1;
        IncomingPayment payment = IncomingPayment.of(BigDecimal.valueOf(1 + random.nextLong(maxCents), 2), PAID_ON);
        if (!claims.isEmpty() && random.nextInt(4) == 0) {
            payment = payment.designating(claims.get(random.nextInt(claims.size())).id());
        }
        return payment;
    }

    private static BigDecimal cents(Random random, long maxCents) {
        return BigDecimal.valueOf(random.nextLong(maxCents + 1), 2);
    }
}
