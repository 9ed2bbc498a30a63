package io.creditflow.law;

import io.creditflow.law.Allocation.Basis;
import io.creditflow.law.Allocation.ClaimAllocation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class PaymentAllocationUnitTest {

    private static final LocalDate PAID_ON = LocalDate.of(2025, 6, 1);

    @Test
    void withinAClaimCostsThenInterestThenPrincipal() {
        ClaimSnapshot claim = claim("A", 2025, 1, 1, "40.00", "12.34", "1000.00");

        assertThat(allocate("30.00", claim).claims()).singleElement().satisfies(line -> amounts(line, "30.00", "0.00", "0.00"));
        assertThat(allocate("50.00", claim).claims()).singleElement().satisfies(line -> amounts(line, "40.00", "10.00", "0.00"));
        Allocation more = allocate("100.00", claim);
        assertThat(more.claims()).singleElement().satisfies(line -> {
            amounts(line, "40.00", "12.34", "47.66");
            assertThat(line.openAfter()).isEqualByComparingTo("952.34");
        });
        assertThat(more.unallocated()).isZero();
    }

    @Test
    void theDebtorsDesignationComesFirstThenTheStatutoryOrder() {
        ClaimSnapshot older = claim("OLD", 2025, 1, 1, "0", "0", "100.00");
        ClaimSnapshot newer = claim("NEW", 2025, 5, 1, "0", "0", "100.00");
        ClaimSnapshot notYetDue = claim("LATER", 2025, 7, 1, "0", "0", "100.00");

        Allocation allocation = PaymentAllocation.allocate(IncomingPayment.of(new BigDecimal("250.00"), PAID_ON)
                .designating("LATER"), List.of(older, newer, notYetDue));

        assertThat(allocation.claims()).extracting(ClaimAllocation::claimId, ClaimAllocation::basis,
                        ClaimAllocation::rank, line -> line.total().toPlainString())
                .containsExactly(tuple("LATER", Basis.DESIGNATED, 1, "100.00"), tuple("OLD", Basis.DUE, 2, "100.00"),
                        tuple("NEW", Basis.DUE, 3, "50.00"));
    }

    @Test
    void dueClaimsBeforeClaimsNotYetDue() {
        ClaimSnapshot notYetDue = claim("FUTURE", 2025, 6, 2, "0", "0", "100.00");
        ClaimSnapshot dueToday = claim("TODAY", 2025, 6, 1, "0", "0", "100.00");

        Allocation allocation = allocate("150.00", notYetDue, dueToday);
        assertThat(allocation.claims()).extracting(ClaimAllocation::claimId, ClaimAllocation::basis,
                        line -> line.total().toPlainString())
                .containsExactly(tuple("TODAY", Basis.DUE, "100.00"), tuple("FUTURE", Basis.NOT_YET_DUE, "50.00"));
    }

    @Test
    void mostBurdensomeFirstByRateThenByCostsExposureThenOldest() {
        ClaimSnapshot oldConsumerRate = claim("OLD-6%", 2024, 1, 1, "0", "0", "100.00")
                .withBurden(new BigDecimal("6"), BigDecimal.ZERO);
        ClaimSnapshot newCommercialRate = claim("NEW-12%", 2025, 3, 1, "0", "0", "100.00")
                .withBurden(new BigDecimal("12.25"), BigDecimal.ZERO);
        ClaimSnapshot letterRunning = claim("OLD-6%-LETTER", 2024, 6, 1, "0", "0", "100.00")
                .withBurden(new BigDecimal("6.00"), new BigDecimal("40.00"));

        assertThat(allocate("250.00", oldConsumerRate, newCommercialRate, letterRunning).claims())
                .extracting(ClaimAllocation::claimId, line -> line.total().toPlainString())
                .containsExactly(tuple("NEW-12%", "100.00"), tuple("OLD-6%-LETTER", "100.00"),
                        tuple("OLD-6%", "50.00"));
    }

    @Test
    void equallyBurdensomeAndEquallyOldClaimsSharePaymentProRata() {
        // 100.00 over 100.00 and 200.00 open: 33.333.. and 66.666..; floors 33.33 + 66.66, the last cent goes to the
        // larger remainder
        ClaimSnapshot small = claim("S", 2025, 1, 1, "10.00", "0", "90.00");
        ClaimSnapshot large = claim("L", 2025, 1, 1, "0", "50.00", "150.00");
        Allocation allocation = allocate("100.00", small, large);
        assertThat(allocation.claims()).extracting(ClaimAllocation::claimId, ClaimAllocation::proRata,
                        line -> line.total().toPlainString())
                .containsExactly(tuple("S", true, "33.33"), tuple("L", true, "66.67"));
        assertThat(allocation.claims().getFirst().toCosts()).isEqualByComparingTo("10.00");
        assertThat(allocation.claims().get(1).toInterest()).isEqualByComparingTo("50.00");

        // three equal claims: 33.34 + 33.33 + 33.33, the spare cent to the first listed
        Allocation thirds = allocate("100.00", claim("X", 2025, 1, 1, "0", "0", "100"),
                claim("Y", 2025, 1, 1, "0", "0", "100"), claim("Z", 2025, 1, 1, "0", "0", "100"));
        assertThat(thirds.claims()).extracting(line -> line.total().toPlainString())
                .containsExactly("33.34", "33.33", "33.33");
        assertThat(thirds.claims()).extracting(ClaimAllocation::rank).containsOnly(1);

        // a rank the payment never reaches shares nothing, so it is not marked pro rata
        Allocation unreached = allocate("10.00", claim("FIRST", 2024, 1, 1, "0", "0", "50"),
                claim("P", 2025, 1, 1, "0", "0", "100"), claim("Q", 2025, 1, 1, "0", "0", "100"));
        assertThat(unreached.claims()).extracting(ClaimAllocation::claimId, ClaimAllocation::proRata)
                .containsExactly(tuple("FIRST", false), tuple("P", false), tuple("Q", false));
    }

    @Test
    void overpaymentIsLeftUnallocated() {
        Allocation allocation = allocate("500.00", claim("A", 2025, 1, 1, "40.00", "5.00", "100.00"),
                claim("B", 2025, 2, 1, "0", "0", "100.00"));
        assertThat(allocation.unallocated()).isEqualByComparingTo("255.00");
        assertThat(allocation.allocated()).isEqualByComparingTo("245.00");
        assertThat(allocation.claims()).allSatisfy(line -> assertThat(line.openAfter()).isZero());
        assertThat(allocation.claims()).extracting(ClaimAllocation::proRata).containsOnly(false);
    }

    @Test
    void noClaimsMeansEverythingIsUnallocated() {
        Allocation allocation = PaymentAllocation.allocate(IncomingPayment.of(BigDecimal.TEN, PAID_ON), List.of());
        assertThat(allocation.claims()).isEmpty();
        assertThat(allocation.unallocated()).isEqualByComparingTo("10.00");
    }

    @Test
    void rejectsBadInputNamingTheField() {
        ClaimSnapshot a = claim("A", 2025, 1, 1, "0", "0", "10");
        assertThatIllegalArgumentException().isThrownBy(() -> claim("A", 2025, 1, 1, "0", "0", "-10"))
                .withMessageStartingWith("openPrincipal: must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> a.withCurrency("EURO"))
                .withMessage("currency: unknown ISO 4217 currency code 'EURO'");
        assertThatIllegalArgumentException().isThrownBy(() -> a.withCurrency("JPY"))
                .withMessageStartingWith("currency: JPY has 0 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> allocate("10", a, a))
                .withMessage("claims[1].id: 'A' appears twice");
        assertThatIllegalArgumentException().isThrownBy(() -> allocate("10", a, claim("B", 2025, 1, 1, "0", "0", "1")
                        .withCurrency("USD")))
                .withMessage("claims[1].currency: USD differs from the payment's EUR");
        assertThatIllegalArgumentException().isThrownBy(() -> PaymentAllocation.allocate(
                        IncomingPayment.of(BigDecimal.TEN, PAID_ON).designating("INV-9"), List.of(a)))
                .withMessage("designatedClaimIds[0]: no claim 'INV-9' among the claims");
        assertThatIllegalArgumentException().isThrownBy(() -> IncomingPayment.of(BigDecimal.TEN, PAID_ON)
                        .designating("A", "A"))
                .withMessage("designatedClaimIds[1]: 'A' is named twice");
        assertThatIllegalArgumentException().isThrownBy(() -> IncomingPayment.of(BigDecimal.ZERO, PAID_ON))
                .withMessage("amount: must be greater than zero");
        assertThatIllegalArgumentException().isThrownBy(() -> ClaimSnapshot.of(" ", PAID_ON, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ONE))
                .withMessage("id: must not be blank");
    }

    private static Allocation allocate(String amount, ClaimSnapshot... claims) {
        return PaymentAllocation.allocate(IncomingPayment.of(new BigDecimal(amount), PAID_ON), List.of(claims));
    }

    private static ClaimSnapshot claim(String id, int year, int month, int day, String costs, String interest,
                                       String principal) {
        return ClaimSnapshot.of(id, LocalDate.of(year, month, day), new BigDecimal(costs), new BigDecimal(interest),
                new BigDecimal(principal));
    }

    private static void amounts(ClaimAllocation line, String costs, String interest, String principal) {
        assertThat(line.toCosts()).isEqualByComparingTo(costs);
        assertThat(line.toInterest()).isEqualByComparingTo(interest);
        assertThat(line.toPrincipal()).isEqualByComparingTo(principal);
    }
}
