package io.creditflow.payments.bench;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.IbanGenerator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.creditflow.payments.bench.PayerText.pick;

/**
 * Deterministic benchmark data: debtor {@code i} of a seed always has the same four open invoices (numbered
 * consecutively across debtors, so a typo in a number often lands on someone else's invoice, as in real life) and,
 * with probability {@link #PAYING}, a payment event of one {@link Noise} kind. Chunks can be generated independently,
 * so a million invoices never have to be in memory at once.
 */
public final class NoisyPayments {

    public static final int INVOICES_PER_DEBTOR = 4;
    static final double PAYING = 0.4;
    private static final Noise[] KINDS = Noise.values();

    private final long seed;
    private final LocalDate today;

    public NoisyPayments(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    public BenchData.Chunk chunk(int from, int count) {
        List<BenchData.Debtor> debtors = new ArrayList<>(count);
        List<BenchData.Invoice> invoices = new ArrayList<>(count * INVOICES_PER_DEBTOR);
        List<BenchData.Payment> payments = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, i));
            BenchData.Debtor debtor = debtor(i, rnd);
            Noise noise = rnd.nextDouble() < PAYING ? noise(rnd) : null;
            List<BenchData.Invoice> own = invoices(i, debtor, noise, rnd);
            debtors.add(debtor);
            invoices.addAll(own);
            if (noise != null) {
                new PaymentEvent(i, debtor, own, rnd).add(noise, payments);
            }
        }
        return new BenchData.Chunk(debtors, invoices, payments);
    }

    /**
     * An independent seed per debtor. Not {@code seed + 0x9E3779B97F4A7C15L * i}: that constant is SplittableRandom's
     * own increment, so consecutive debtors would get the same random stream shifted by one step.
     */
    static long mix(long seed, int i) {
        long z = seed ^ (i * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L);
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private static Noise noise(SplittableRandom rnd) {
        double x = rnd.nextDouble();
        double cumulative = 0;
        for (Noise kind : KINDS) {
            cumulative += kind.share;
            if (x < cumulative) {
                return kind;
            }
        }
        return Noise.STRUCTURED_REFERENCE;
    }

    private static BenchData.Debtor debtor(int i, SplittableRandom rnd) {
        boolean business = rnd.nextDouble() < 0.4;
        String last = pick(rnd, PayerText.LAST);
        String name = business ? pick(rnd, PayerText.TRADES) + " " + capitalise(last) + " B.V."
                : pick(rnd, PayerText.FIRST) + " " + last;
        return new BenchData.Debtor(String.format("B%07d", i), business, name, IbanGenerator.dutch(rnd).value());
    }

    private static String capitalise(String last) {
        return Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    private List<BenchData.Invoice> invoices(int i, BenchData.Debtor debtor, Noise noise, SplittableRandom rnd) {
        List<BenchData.Invoice> list = new ArrayList<>(INVOICES_PER_DEBTOR);
        for (int k = 0; k < INVOICES_PER_DEBTOR; k++) {
            long serial = (long) i * INVOICES_PER_DEBTOR + k;
            LocalDate issued = today.minusDays(5 + rnd.nextInt(120));
            String number = "F" + issued.getYear() + "-" + String.format("%08d", serial);
            String reference = Betalingskenmerk.generate(100_000_000L + serial).value();
            BigDecimal amount = amount(debtor.business(), rnd);
            if (k == 1 && (noise == Noise.SAME_AMOUNT_REFERENCED || noise == Noise.SAME_AMOUNT_UNREFERENCED)) {
                amount = list.getFirst().amount();
            }
            BigDecimal costs = BigDecimal.ZERO.setScale(2);
            BigDecimal interest = BigDecimal.ZERO.setScale(2);
            if (k == 0 && noise == Noise.WITH_COSTS) {
                costs = amount.multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_UP)
                        .max(new BigDecimal("40.00"));
                interest = BigDecimal.valueOf(50 + rnd.nextInt(450), 2);
            }
            list.add(new BenchData.Invoice(debtor.externalId(), number, reference, issued, issued.plusDays(14),
                    amount, costs, interest));
        }
        return list;
    }

    private static BigDecimal amount(boolean business, SplittableRandom rnd) {
        double median = business ? 850 : 95;
        double u = 1.0 - rnd.nextDouble();
        double gaussian = Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * rnd.nextDouble());
        long cents = Math.max(500, Math.min(5_000_000, Math.round(median * Math.exp(0.9 * gaussian) * 100)));
        return BigDecimal.valueOf(cents, 2);
    }

    /** The payments one debtor makes for one kind of noise. */
    private final class PaymentEvent {
        private final int debtorIndex;
        private final BenchData.Debtor debtor;
        private final List<BenchData.Invoice> invoices;
        private final SplittableRandom rnd;
        private int sequence;

        PaymentEvent(int debtorIndex, BenchData.Debtor debtor, List<BenchData.Invoice> invoices,
                     SplittableRandom rnd) {
            this.debtorIndex = debtorIndex;
            this.debtor = debtor;
            this.invoices = invoices;
            this.rnd = rnd;
        }

        void add(Noise noise, List<BenchData.Payment> out) {
            BenchData.Invoice target = noise == Noise.WITH_COSTS || noise == Noise.SAME_AMOUNT_REFERENCED
                    || noise == Noise.SAME_AMOUNT_UNREFERENCED ? invoices.get(rnd.nextInt(2))
                    : invoices.get(rnd.nextInt(invoices.size()));
            if (noise == Noise.WITH_COSTS) {
                target = invoices.getFirst();
            }
            switch (noise) {
                case STRUCTURED_REFERENCE, SAME_AMOUNT_REFERENCED -> out.add(own(noise, target.open(),
                        target.reference(), rnd.nextBoolean() ? null : "Factuur", target));
                case REFERENCE_IN_TEXT -> out.add(own(noise, target.open(), null,
                        PayerText.referenceInText(rnd, target.reference()), target));
                case REFERENCE_TYPO -> {
                    String typo = referenceTypo(target.reference());
                    out.add(rnd.nextBoolean() ? own(noise, target.open(), typo, null, target)
                            : own(noise, target.open(), null, "Betalingskenmerk " + typo, target));
                }
                case INVOICE_NUMBER -> out.add(own(noise, target.open(), null, PayerText.number(rnd, target.number()),
                        target));
                case NUMBER_TYPO -> out.add(own(noise, target.open(), null,
                        PayerText.numberWithTypo(rnd, target.number()), target));
                case NO_REFERENCE, SAME_AMOUNT_UNREFERENCED -> out.add(rnd.nextDouble() < 0.9 || noise
                        == Noise.SAME_AMOUNT_UNREFERENCED ? own(noise, target.open(), null, generic(), target)
                        : payment(noise, target.open(), null, generic(), PayerText.payerName(rnd, debtor),
                        newIban(), List.of(target.number())));
                case COMBINED_LISTED, COMBINED_UNLISTED -> combined(noise, out);
                case PARTIAL -> out.add(own(noise, part(target.open()), target.reference(), null, target));
                case INSTALMENTS -> instalments(target, out);
                case OVERPAYMENT -> out.add(own(noise, target.open().add(BigDecimal.valueOf(500 + rnd.nextInt(4500),
                        2)), target.reference(), null, target));
                case WITH_COSTS -> withCosts(target, out);
                case THIRD_PARTY -> out.add(payment(noise, target.open(), rnd.nextDouble() < 0.6 ? target.reference()
                                : null, rnd.nextDouble() < 0.6 ? null : PayerText.number(rnd, target.number()),
                        rnd.nextBoolean() ? pick(rnd, PayerText.THIRD_PARTIES) : pick(rnd, PayerText.FIRST) + " "
                                + pick(rnd, PayerText.LAST), newIban(), List.of(target.number())));
                case SMALL_DIFFERENCE -> out.add(own(noise, target.open().subtract(BigDecimal.valueOf(1 + rnd.nextInt(99),
                        2)), target.reference(), null, target));
                case UNRELATED -> out.add(payment(noise, BigDecimal.valueOf(1000 + rnd.nextInt(200_000), 2), null,
                        pick(rnd, PayerText.UNRELATED) + " " + (1000 + rnd.nextInt(9000)), "Leverancier "
                                + pick(rnd, PayerText.LAST), newIban(), List.of()));
            }
        }

        private void combined(Noise noise, List<BenchData.Payment> out) {
            int count = 2 + rnd.nextInt(2);
            List<BenchData.Invoice> chosen = invoices.subList(0, count);
            BigDecimal total = chosen.stream().map(BenchData.Invoice::open).reduce(BigDecimal.ZERO, BigDecimal::add);
            String text = noise == Noise.COMBINED_LISTED ? "Facturen " + String.join(" ",
                    chosen.stream().map(i -> PayerText.number(rnd, i.number()).replaceAll("^[A-Za-z .]+ ", ""))
                            .toList()) : "Openstaande facturen";
            out.add(payment(noise, total, null, text, PayerText.payerName(rnd, debtor), debtor.iban(),
                    chosen.stream().map(BenchData.Invoice::number).toList()));
        }

        private void instalments(BenchData.Invoice target, List<BenchData.Payment> out) {
            BigDecimal first = part(target.open());
            out.add(own(Noise.INSTALMENTS, first, target.reference(), "Termijn 1", target));
            out.add(own(Noise.INSTALMENTS, target.open().subtract(first), target.reference(), "Termijn 2", target));
        }

        private void withCosts(BenchData.Invoice target, List<BenchData.Payment> out) {
            if (rnd.nextDouble() < 0.7) {
                out.add(rnd.nextBoolean() ? own(Noise.WITH_COSTS, target.open(), target.reference(), null, target)
                        : own(Noise.WITH_COSTS, target.open(), null, PayerText.number(rnd, target.number()), target));
            } else {
                out.add(own(Noise.WITH_COSTS, target.amount(), target.reference(), null, target));
            }
        }

        private BigDecimal part(BigDecimal open) {
            BigDecimal share = open.multiply(BigDecimal.valueOf(20 + rnd.nextInt(61), 2)).setScale(0, RoundingMode.DOWN);
            return share.signum() > 0 ? share.setScale(2) : new BigDecimal("1.00");
        }

        private String referenceTypo(String reference) {
            String typo = reference;
            while (typo.equals(reference)) {
                char[] c = reference.toCharArray();
                int at = rnd.nextInt(c.length - 1);
                if (rnd.nextBoolean()) {
                    c[at] = (char) ('0' + (c[at] - '0' + 1 + rnd.nextInt(9)) % 10);
                } else {
                    char t = c[at];
                    c[at] = c[at + 1];
                    c[at + 1] = t;
                }
                typo = new String(c);
            }
            return typo;
        }

        private String generic() {
            return pick(rnd, List.of("Betaling", "Termijn", "Bedankt", "Rekening", "Klantnummer "
                    + debtor.externalId().substring(1), ""));
        }

        private String newIban() {
            return IbanGenerator.dutch(rnd).value();
        }

        private BenchData.Payment own(Noise noise, BigDecimal amount, String structured, String text,
                                      BenchData.Invoice target) {
            return payment(noise, amount, structured, text, PayerText.payerName(rnd, debtor),
                    rnd.nextDouble() < 0.95 ? debtor.iban() : newIban(), List.of(target.number()));
        }

        private BenchData.Payment payment(Noise noise, BigDecimal amount, String structured, String text,
                                          String payerName, String payerIban, List<String> truth) {
            String reference = "B" + debtorIndex + "-" + sequence++;
            String e2e = rnd.nextDouble() < 0.5 ? null : "E2E" + Long.toHexString(rnd.nextLong());
            return new BenchData.Payment(noise, reference, amount, today, e2e, structured,
                    text == null || text.isEmpty() ? null : text, payerName, payerIban, truth);
        }
    }
}
