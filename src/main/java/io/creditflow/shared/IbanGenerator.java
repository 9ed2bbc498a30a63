package io.creditflow.shared;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Valid random IBANs for demo data and tests, reproducible from a seeded {@link RandomGenerator}. Dutch accounts
 * also pass the old elfproef (so they look real to any checker), Belgian ones carry their national mod 97 check.
 * German account numbers are random: their check methods differ per bank and none is implied.
 */
public final class IbanGenerator {

    /** Bank codes of Dutch banks that consumers and companies actually hold accounts with. */
    public static final List<String> DUTCH_BANK_CODES =
            List.of("ABNA", "INGB", "RABO", "SNSB", "ASNB", "RBRB", "TRIO", "BUNQ", "KNAB");

    private IbanGenerator() {
    }

    /** A Dutch IBAN at the given bank ({@code ABNA}, {@code INGB}, ...): NLkk + bank code + 10-digit account. */
    public static Iban dutch(String bankCode, RandomGenerator random) {
        Objects.requireNonNull(bankCode, "bankCode");
        if (!bankCode.matches("[A-Z]{4}")) {
            throw new IllegalArgumentException("Dutch bank code must be four capital letters, got '" + bankCode + "'");
        }
        return withCheckDigits("NL", bankCode + elfproefAccount(random));
    }

    /** A Dutch IBAN at one of {@link #DUTCH_BANK_CODES}, chosen by the generator. */
    public static Iban dutch(RandomGenerator random) {
        return dutch(DUTCH_BANK_CODES.get(random.nextInt(DUTCH_BANK_CODES.size())), random);
    }

    /** A Belgian IBAN: BEkk + 3-digit bank + 7-digit account + national check (first ten digits mod 97, 0 as 97). */
    public static Iban belgian(RandomGenerator random) {
        String first10 = digits(random, 10);
        long check = Long.parseLong(first10) % 97;
        String national = String.format("%02d", check == 0 ? 97 : check);
        return withCheckDigits("BE", first10 + national);
    }

    /** A German IBAN: DEkk + 8-digit bank code (Bankleitzahl, never starting with 0 or 9) + 10-digit account. */
    public static Iban german(RandomGenerator random) {
        String bankleitzahl = (1 + random.nextInt(8)) + digits(random, 7);
        return withCheckDigits("DE", bankleitzahl + digits(random, 10));
    }

    private static Iban withCheckDigits(String country, String bban) {
        return new Iban(country + Mod97.checkDigits(bban, country) + bban);
    }

    /** Ten digits whose weighted sum (weights 10..1) is divisible by 11, the pre-IBAN Dutch account check. */
    private static String elfproefAccount(RandomGenerator random) {
        while (true) {
            String first9 = (1 + random.nextInt(9)) + digits(random, 8);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first9.charAt(i) - '0') * (10 - i);
            }
            int last = (11 - sum % 11) % 11;
            if (last < 10) {
                return first9 + last;
            }
        }
    }

    private static String digits(RandomGenerator random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
