package io.creditflow.demo;

import io.creditflow.receivables.Address;
import io.creditflow.receivables.BulkIntake.DebtorRow;
import io.creditflow.receivables.BulkIntake.InvoiceRow;
import io.creditflow.receivables.BulkIntake.PaymentRow;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.InvoiceKind;
import io.creditflow.shared.IbanGenerator;
import io.creditflow.shared.KvkNumber;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static io.creditflow.demo.DemoPeople.*;

/**
 * Deterministic demo data: debtor {@code i} of seed {@code s} is always the same person with the same invoices and
 * payments, so chunks can be generated independently (and in parallel) and benchmarks are repeatable. Payment
 * behaviour follows four profiles: punctual, late, chronic late payer (sometimes partial), and defaulter.
 */
public final class DemoDataGenerator {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final LocalDate today;

    public DemoDataGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /** Debtors [from, from+count) with their invoices, payments, disputes and collection hand-offs. */
    public record Chunk(List<DebtorRow> debtors, List<InvoiceRow> invoices, List<PaymentRow> payments,
                        List<PaymentRow> laterPayments, List<String> disputed, List<String> inCollection) {
    }

    enum Payer { PUNCTUAL, LATE, CHRONIC, DEFAULTER }

    public Chunk chunk(int from, int count) {
        List<DebtorRow> debtors = new ArrayList<>(count);
        List<InvoiceRow> invoices = new ArrayList<>(count * 8);
        List<PaymentRow> payments = new ArrayList<>(count * 7);
        List<PaymentRow> later = new ArrayList<>();
        List<String> disputed = new ArrayList<>();
        List<String> inCollection = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            SplittableRandom rnd = new SplittableRandom(seed + GOLDEN * (i + 1));
            DebtorRow debtor = debtor(i, rnd);
            debtors.add(debtor);
            invoicesOf(i, debtor, rnd, invoices, payments, later, disputed, inCollection);
        }
        return new Chunk(debtors, invoices, payments, later, disputed, inCollection);
    }

    /**
     * An open book for the dunning benchmark: debtors [from, from+count) (the same people as {@link #chunk}) with
     * {@code invoicesPerDebtor} open invoices each, due between 75 days ago and 20 days ahead, nothing paid.
     */
    public Chunk openBook(int from, int count, int invoicesPerDebtor) {
        List<DebtorRow> debtors = new ArrayList<>(count);
        List<InvoiceRow> invoices = new ArrayList<>(count * invoicesPerDebtor);
        for (int i = from; i < from + count; i++) {
            SplittableRandom rnd = new SplittableRandom(seed + GOLDEN * (i + 1));
            DebtorRow debtor = debtor(i, rnd);
            debtors.add(debtor);
            for (int k = 0; k < invoicesPerDebtor; k++) {
                LocalDate due = today.minusDays(75).plusDays(rnd.nextInt(96));
                BigDecimal amount = amount(debtor.type() == DebtorType.BUSINESS, rnd);
                String number = "O" + due.getYear() + "-" + String.format("%08d", i * 32L + k);
                invoices.add(new InvoiceRow(debtor.externalId(), number, null, InvoiceKind.INVOICE,
                        due.minusDays(14), due, "EUR", amount, null, null));
            }
        }
        return new Chunk(debtors, invoices, List.of(), List.of(), List.of(), List.of());
    }

    private DebtorRow debtor(int i, SplittableRandom rnd) {
        double c = rnd.nextDouble();
        String country = c < 0.75 ? "NL" : c < 0.90 ? "BE" : "DE";
        DebtorType type = rnd.nextDouble() < 0.65 ? DebtorType.CONSUMER : DebtorType.BUSINESS;
        String first = pick(rnd, country.equals("NL") ? NL_FIRST : country.equals("BE") ? BE_FIRST : DE_FIRST);
        String last = pick(rnd, country.equals("NL") ? NL_LAST : country.equals("BE") ? BE_LAST : DE_LAST);
        String language = switch (country) {
            case "BE" -> rnd.nextDouble() < 0.6 ? "nl" : "fr";
            case "DE" -> "de";
            default -> rnd.nextDouble() < 0.95 ? "nl" : "en";
        };
        Address address = address(country, rnd);
        String iban = switch (country) {
            case "BE" -> IbanGenerator.belgian(rnd).value();
            case "DE" -> IbanGenerator.german(rnd).value();
            default -> IbanGenerator.dutch(rnd).value();
        };
        String channel = rnd.nextDouble() < 0.80 ? "EMAIL" : rnd.nextDouble() < 0.75 ? "POST" : "SMS";
        DebtorProfile profile;
        List<String> tags = new ArrayList<>();
        if (type == DebtorType.CONSUMER) {
            LocalDate born = today.minusYears(18 + rnd.nextInt(67)).minusDays(rnd.nextInt(365));
            String email = ascii(first + "." + last.replace(" ", "")) + (rnd.nextInt(3) == 0 ? rnd.nextInt(99) : "")
                    + "@" + pick(rnd, MAIL_DOMAINS);
            profile = new DebtorProfile(first + " " + last, rnd.nextBoolean() ? "MR" : "MS", born.toString(),
                    List.of(address), List.of(email), List.of(mobile(country, rnd)), List.of(iban), null, null, null);
            if (rnd.nextDouble() < 0.4) {
                tags.add("webshop");
            }
        } else {
            String trade = country.equals("DE") ? pick(rnd, BUSINESS_DE) : pick(rnd, BUSINESS_NL);
            String legal = country.equals("DE") ? " GmbH" : country.equals("BE") ? " BV" : " B.V.";
            String company = rnd.nextBoolean() ? trade + " " + last + legal : last + " " + trade + legal;
            String slug = ascii(last.replace(" ", "") + trade).toLowerCase(Locale.ROOT);
            String kvk = country.equals("NL") ? kvk(rnd) : null;
            String vat = country.equals("NL") ? "NL" + String.format("%09d", rnd.nextInt(1_000_000_000)) + "B01"
                    : country.equals("BE") ? "BE0" + String.format("%09d", rnd.nextInt(1_000_000_000))
                    : "DE" + String.format("%09d", rnd.nextInt(1_000_000_000));
            profile = new DebtorProfile(company, null, null, List.of(address), List.of("administratie@" + slug
                    + ".example"), List.of(landline(country, rnd)), List.of(iban), kvk, vat, first + " " + last);
            tags.add("b2b");
            if (rnd.nextDouble() < 0.1) {
                tags.add("key-account");
            }
        }
        return new DebtorRow(String.format("D%07d", i), type, language, channel, country, tags, profile);
    }

    private void invoicesOf(int i, DebtorRow debtor, SplittableRandom rnd, List<InvoiceRow> invoices,
                            List<PaymentRow> payments, List<PaymentRow> later, List<String> disputed,
                            List<String> inCollection) {
        boolean business = debtor.type() == DebtorType.BUSINESS;
        double p = rnd.nextDouble();
        Payer payer = p < 0.62 ? Payer.PUNCTUAL : p < 0.87 ? Payer.LATE : p < 0.95 ? Payer.CHRONIC : Payer.DEFAULTER;
        int count = business ? 4 + rnd.nextInt(21) : 1 + rnd.nextInt(6);
        int term = business ? (rnd.nextBoolean() ? 30 : 14) : 14;
        for (int k = 0; k < count; k++) {
            LocalDate issued = today.minusDays(rnd.nextInt(730));
            LocalDate due = issued.plusDays(term);
            BigDecimal amount = amount(business, rnd);
            BigDecimal vat = amount.multiply(BigDecimal.valueOf(21)).divide(BigDecimal.valueOf(121), 2, RoundingMode.HALF_UP);
            String number = "F" + issued.getYear() + "-" + String.format("%08d", i * 32L + k);
            invoices.add(new InvoiceRow(debtor.externalId(), number, null, InvoiceKind.INVOICE, issued, due, "EUR",
                    amount, vat, null));
            LocalDate paid = switch (payer) {
                case PUNCTUAL -> due.minusDays(rnd.nextInt(12));
                case LATE -> due.plusDays(3 + rnd.nextInt(58));
                case CHRONIC -> due.plusDays(30 + rnd.nextInt(121));
                case DEFAULTER -> issued.isBefore(today.minusDays(240)) ? due.plusDays(20 + rnd.nextInt(90)) : null;
            };
            String ref = "DEMO-" + number;
            if (paid != null && !paid.isAfter(today)) {
                boolean partial = payer == Payer.CHRONIC && rnd.nextDouble() < 0.3;
                if (partial) {
                    BigDecimal first = amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                    payments.add(new PaymentRow(number, paid, first, ref + "-1"));
                    LocalDate rest = paid.plusDays(20 + rnd.nextInt(60));
                    if (!rest.isAfter(today)) {
                        later.add(new PaymentRow(number, rest, amount.subtract(first), ref + "-2"));
                    }
                } else {
                    payments.add(new PaymentRow(number, paid, amount, ref));
                }
            } else if (due.isBefore(today.minusDays(90)) && payer == Payer.DEFAULTER) {
                inCollection.add(number);
            } else if (due.isBefore(today) && rnd.nextDouble() < 0.04) {
                disputed.add(number);
            }
        }
    }

    private static BigDecimal amount(boolean business, SplittableRandom rnd) {
        double median = business ? 1_200 : 85;
        double sigma = business ? 1.0 : 0.8;
        double value = median * Math.exp(sigma * gaussian(rnd));
        long cents = Math.max(500, Math.min(business ? 250_000_00L : 5_000_00L, Math.round(value * 100)));
        return BigDecimal.valueOf(cents, 2);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    private static Address address(String country, SplittableRandom rnd) {
        DemoPeople.City city = pick(rnd, country.equals("NL") ? NL_CITIES : country.equals("BE") ? BE_CITIES : DE_CITIES);
        int code = city.from() + rnd.nextInt(city.to() - city.from() + 1);
        String street = pick(rnd, country.equals("NL") ? NL_STREETS : country.equals("BE") ? BE_STREETS : DE_STREETS);
        String house = String.valueOf(1 + rnd.nextInt(180)) + (rnd.nextInt(8) == 0 ? "a" : "");
        String postcode = switch (country) {
            case "NL" -> code + " " + dutchLetters(rnd);
            case "DE" -> String.format("%05d", code);
            default -> String.valueOf(code);
        };
        return new Address("BILLING", street, house, postcode, city.name(), country);
    }

    /** Two letters, never the combinations PostNL does not issue (SA, SD, SS). */
    private static String dutchLetters(SplittableRandom rnd) {
        while (true) {
            String s = "" + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
            if (!s.equals("SA") && !s.equals("SD") && !s.equals("SS")) {
                return s;
            }
        }
    }

    private static String mobile(String country, SplittableRandom rnd) {
        return switch (country) {
            case "BE" -> "+324" + (70 + rnd.nextInt(30)) + String.format("%06d", rnd.nextInt(1_000_000));
            case "DE" -> "+4915" + (1 + rnd.nextInt(9)) + String.format("%07d", rnd.nextInt(10_000_000));
            default -> "+316" + String.format("%08d", rnd.nextInt(100_000_000));
        };
    }

    private static String landline(String country, SplittableRandom rnd) {
        return switch (country) {
            case "BE" -> "+323" + String.format("%07d", rnd.nextInt(10_000_000));
            case "DE" -> "+49221" + String.format("%07d", rnd.nextInt(10_000_000));
            default -> "+3120" + String.format("%07d", rnd.nextInt(10_000_000));
        };
    }

    private static String kvk(SplittableRandom rnd) {
        return KvkNumber.parse(String.format("%08d", 10_000_000 + rnd.nextInt(90_000_000))).value();
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9.]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
