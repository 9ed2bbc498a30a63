package io.creditflow.law;

import io.creditflow.law.Allocation.Basis;
import io.creditflow.law.Allocation.ClaimAllocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allocation of a payment over a debtor's claims (art. 6:43 and 6:44 BW), exact to the cent.
 * <p>
 * Across claims: the claims the debtor designated, in the order named; then the claims due on the day of payment;
 * then those not yet due. Within each of the last two, the most burdensome first, then the oldest, and claims equal
 * on both share pro rata to what is open on them. "Most burdensome" is measured as the higher yearly interest rate,
 * then the higher costs exposure (costs the debtor incurs if the claim stays unpaid): the two ways an unpaid claim
 * grows. "Oldest" is the earliest due date. Within a claim: costs, then interest, then principal.
 * <p>
 * Pro rata shares are computed in whole cents: each claim gets the floor of its exact share, and the cents left go
 * one each to the largest remainders (ties: the claim listed first), so the shares add up to the amount.
 */
public final class PaymentAllocation {

    private static final Comparator<ClaimSnapshot> MOST_BURDENSOME_THEN_OLDEST =
            Comparator.comparing(ClaimSnapshot::interestRatePercent).reversed()
                    .thenComparing(Comparator.comparing(ClaimSnapshot::costsExposure).reversed())
                    .thenComparing(ClaimSnapshot::dueDate);

    private PaymentAllocation() {
    }

    public static Allocation allocate(IncomingPayment payment, List<ClaimSnapshot> claims) {
        Checks.present("payment", payment);
        List<ClaimSnapshot> checked = checked(payment, Checks.list("claims", claims));
        List<Rank> ranks = rank(payment, checked);

        List<ClaimAllocation> lines = new ArrayList<>();
        BigDecimal remaining = payment.amount();
        for (int i = 0; i < ranks.size(); i++) {
            Rank rank = ranks.get(i);
            BigDecimal open = rank.claims().stream().map(ClaimSnapshot::open).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean proRata = rank.claims().size() > 1 && remaining.signum() > 0 && remaining.compareTo(open) < 0;
            List<BigDecimal> shares = proRata ? proRata(remaining, rank.claims(), open)
                    : rank.claims().stream().map(ClaimSnapshot::open).toList();
            for (int c = 0; c < rank.claims().size(); c++) {
                BigDecimal share = shares.get(c).min(remaining);
                lines.add(withinClaim(rank.claims().get(c), share, i + 1, rank.basis(), proRata));
                remaining = remaining.subtract(share);
            }
        }
        return new Allocation(payment.amount(), lines, remaining);
    }

    private static List<ClaimSnapshot> checked(IncomingPayment payment, List<ClaimSnapshot> claims) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            ClaimSnapshot claim = claims.get(i);
            if (!ids.add(claim.id())) {
                throw new IllegalArgumentException("claims[" + i + "].id: '" + claim.id() + "' appears twice");
            }
            if (!claim.currency().equals(payment.currency())) {
                throw new IllegalArgumentException("claims[" + i + "].currency: " + claim.currency()
                        + " differs from the payment's " + payment.currency());
            }
        }
        for (int i = 0; i < payment.designatedClaimIds().size(); i++) {
            if (!ids.contains(payment.designatedClaimIds().get(i))) {
                throw new IllegalArgumentException("designatedClaimIds[" + i + "]: no claim '"
                        + payment.designatedClaimIds().get(i) + "' among the claims");
            }
        }
        return claims;
    }

    /** The claims in the law's order, grouped where the law sees no difference between them. */
    private static List<Rank> rank(IncomingPayment payment, List<ClaimSnapshot> claims) {
        Map<String, ClaimSnapshot> byId = new HashMap<>();
        claims.forEach(claim -> byId.put(claim.id(), claim));
        List<Rank> ranks = new ArrayList<>();
        payment.designatedClaimIds().forEach(id -> ranks.add(new Rank(Basis.DESIGNATED, List.of(byId.get(id)))));

        Set<String> designated = Set.copyOf(payment.designatedClaimIds());
        List<ClaimSnapshot> due = new ArrayList<>();
        List<ClaimSnapshot> notYetDue = new ArrayList<>();
        for (ClaimSnapshot claim : claims) {
            if (!designated.contains(claim.id())) {
                (claim.dueDate().isAfter(payment.receivedOn()) ? notYetDue : due).add(claim);
            }
        }
        ranks.addAll(equalGroups(Basis.DUE, due));
        ranks.addAll(equalGroups(Basis.NOT_YET_DUE, notYetDue));
        return ranks;
    }

    private static List<Rank> equalGroups(Basis basis, List<ClaimSnapshot> claims) {
        List<ClaimSnapshot> sorted = claims.stream().sorted(MOST_BURDENSOME_THEN_OLDEST).toList();
        List<Rank> groups = new ArrayList<>();
        List<ClaimSnapshot> group = new ArrayList<>();
        for (ClaimSnapshot claim : sorted) {
            if (!group.isEmpty() && MOST_BURDENSOME_THEN_OLDEST.compare(group.getFirst(), claim) != 0) {
                groups.add(new Rank(basis, List.copyOf(group)));
                group.clear();
            }
            group.add(claim);
        }
        if (!group.isEmpty()) {
            groups.add(new Rank(basis, List.copyOf(group)));
        }
        return groups;
    }

    /** Shares of {@code amount} (less than {@code open}) proportional to each claim's open amount, in cents. */
    private static List<BigDecimal> proRata(BigDecimal amount, List<ClaimSnapshot> claims, BigDecimal open) {
        BigInteger cents = amount.movePointRight(2).toBigIntegerExact();
        BigInteger total = open.movePointRight(2).toBigIntegerExact();
        List<BigInteger> floors = new ArrayList<>();
        List<BigInteger> remainders = new ArrayList<>();
        BigInteger left = cents;
        for (ClaimSnapshot claim : claims) {
            BigInteger[] division = cents.multiply(claim.open().movePointRight(2).toBigIntegerExact())
                    .divideAndRemainder(total);
            floors.add(division[0]);
            remainders.add(division[1]);
            left = left.subtract(division[0]);
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparing(remainders::get, Comparator.reverseOrder()));
        for (int i = 0; i < left.intValueExact(); i++) {
            int claim = byRemainder.get(i);
            floors.set(claim, floors.get(claim).add(BigInteger.ONE));
        }
        return floors.stream().map(share -> new BigDecimal(share, 2)).toList();
    }

    private static ClaimAllocation withinClaim(ClaimSnapshot claim, BigDecimal share, int rank, Basis basis,
                                               boolean proRata) {
        BigDecimal toCosts = claim.openCosts().min(share);
        BigDecimal toInterest = claim.openInterest().min(share.subtract(toCosts));
        BigDecimal toPrincipal = claim.openPrincipal().min(share.subtract(toCosts).subtract(toInterest));
        return new ClaimAllocation(claim.id(), rank, basis, proRata, toCosts, toInterest, toPrincipal,
                claim.open().subtract(toCosts).subtract(toInterest).subtract(toPrincipal));
    }

    private record Rank(Basis basis, List<ClaimSnapshot> claims) {
    }
}
