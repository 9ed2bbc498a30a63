package io.creditflow.acceptance.sources;

import io.creditflow.acceptance.ApplicantType;
import io.creditflow.acceptance.ExternalSource;
import io.creditflow.acceptance.ExternalSource.Answer;
import io.creditflow.acceptance.ExternalSource.Kind;
import io.creditflow.acceptance.ExternalSource.Query;
import io.creditflow.acceptance.SignalNames;
import io.creditflow.acceptance.verification.PersonNames;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * File-backed development stand-ins for the four external sources (see {@code acceptance/dev-registers/README.md}).
 * NOT real registers: every answer is marked {@code development} and named {@code dev-csv:*} in the check log. On by
 * default so that a fresh install and the tests can exercise every signal; production sets
 * {@code creditflow.acceptance.dev-registers.enabled=false} and installs real {@link ExternalSource}s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "creditflow.acceptance.dev-registers.enabled", havingValue = "true", matchIfMissing = true)
class DevelopmentRegisters {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentRegisters.class);

    private final @Nullable Path directory;
    private final Clock clock;

    DevelopmentRegisters(@Value("${creditflow.acceptance.dev-registers.directory:}") String directory, Clock clock) {
        this.directory = directory.isBlank() ? null : Path.of(directory);
        this.clock = clock;
        log.warn("Credit checks use the DEVELOPMENT registers (CSV files{}), not real registers",
                this.directory == null ? "" : " in " + this.directory);
    }

    static String personKey(ExternalSource.Query q) {
        return PersonNames.key(q.lastName() == null ? "" : q.lastName()) + "|" + q.dateOfBirth();
    }

    static @Nullable String key(ExternalSource.Query q) {
        return q.type() == ApplicantType.BUSINESS ? q.chamberOfCommerce() : personKey(q);
    }

    @Bean
    ExternalSource devCompanyRegister() {
        Map<String, Map<String, String>> byKvk = index(DevCsvFile.read(directory, "companies.csv"), "kvk");
        return new DevSource(ExternalSource.Kind.COMPANY_REGISTER, "dev-csv:company-register", q -> {
            Map<String, String> row = q.chamberOfCommerce() == null ? null : byKvk.get(q.chamberOfCommerce());
            if (row == null) {
                return new Answer(Answer.Status.NOT_FOUND, Map.of(SignalNames.COMPANY_FOUND, false), "not registered");
            }
            DevCsvFile.delay(row);
            LocalDate registered = LocalDate.parse(row.get("registered"));
            long months = ChronoUnit.MONTHS.between(registered, LocalDate.now(clock));
            return new Answer(Answer.Status.FOUND, Map.of(SignalNames.COMPANY_FOUND, true,
                    SignalNames.COMPANY_ACTIVE, "ACTIVE".equals(row.get("status")),
                    SignalNames.COMPANY_AGE_MONTHS, months), row.get("name") + ", " + row.get("status")
                    + " since " + registered);
        });
    }

    @Bean
    ExternalSource devInsolvencyRegister() {
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (Map<String, String> row : DevCsvFile.read(directory, "insolvencies.csv")) {
            byKey.put(row.get("kind") + ":" + row.get("key"), row);
        }
        return new DevSource(ExternalSource.Kind.INSOLVENCY_REGISTER, "dev-csv:insolvency-register", q -> {
            String k = (q.type() == ApplicantType.BUSINESS ? "COMPANY:" : "PERSON:") + key(q);
            Map<String, String> row = byKey.get(k);
            if (row == null) {
                return new Answer(Answer.Status.NOT_FOUND, Map.of(SignalNames.INSOLVENT, false), "no registration");
            }
            DevCsvFile.delay(row);
            return new Answer(Answer.Status.FOUND, Map.of(SignalNames.INSOLVENT, true),
                    row.get("type") + " since " + row.get("since"));
        });
    }

    @Bean
    ExternalSource devAddressRegister() {
        Map<String, List<Map<String, String>>> byPostcode = new HashMap<>();
        for (Map<String, String> row : DevCsvFile.read(directory, "addresses.csv")) {
            byPostcode.computeIfAbsent(row.get("postcode"), p -> new java.util.ArrayList<>()).add(row);
        }
        return new DevSource(ExternalSource.Kind.ADDRESS_REGISTER, "dev-csv:address-register", q -> {
            List<Map<String, String>> rows = q.postcode() == null ? null : byPostcode.get(q.postcode());
            if (rows == null) {
                return new Answer(Answer.Status.NO_DATA, Map.of(), "postcode not covered by the development file");
            }
            int number = leadingNumber(q.houseNumber());
            for (Map<String, String> row : rows) {
                DevCsvFile.delay(row);
                if (number >= Integer.parseInt(row.get("from")) && number <= Integer.parseInt(row.get("to"))) {
                    return new Answer(Answer.Status.FOUND, Map.of(SignalNames.ADDRESS_EXISTS, true),
                            row.get("street") + " " + q.houseNumber() + ", " + row.get("city"));
                }
            }
            return new Answer(Answer.Status.NOT_FOUND, Map.of(SignalNames.ADDRESS_EXISTS, false),
                    "house number not in the register for this postcode");
        });
    }

    @Bean
    ExternalSource devCreditBureau() {
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (Map<String, String> row : DevCsvFile.read(directory, "bureau.csv")) {
            byKey.put(row.get("kind") + ":" + row.get("key"), row);
        }
        return new DevSource(ExternalSource.Kind.CREDIT_BUREAU, "dev-csv:credit-bureau", q -> {
            Map<String, String> row = byKey.get((q.type() == ApplicantType.BUSINESS ? "COMPANY:" : "PERSON:") + key(q));
            if (row == null) {
                return new Answer(Answer.Status.NO_DATA, Map.of(), "no bureau file");
            }
            DevCsvFile.delay(row);
            return new Answer(Answer.Status.FOUND, Map.of(SignalNames.BUREAU_SCORE, Integer.parseInt(row.get("score")),
                    SignalNames.BUREAU_NEGATIVE, Integer.parseInt(row.get("negative")),
                    SignalNames.BUREAU_ADVISED_LIMIT, new BigDecimal(row.get("advised_limit"))),
                    "score " + row.get("score") + ", negative registrations " + row.get("negative"));
        });
    }

    private static int leadingNumber(@Nullable String houseNumber) {
        if (houseNumber == null) {
            return -1;
        }
        int i = 0;
        while (i < houseNumber.length() && Character.isDigit(houseNumber.charAt(i))) {
            i++;
        }
        return i == 0 ? -1 : Integer.parseInt(houseNumber.substring(0, i));
    }

    private static Map<String, Map<String, String>> index(List<Map<String, String>> rows, String column) {
        Map<String, Map<String, String>> map = new HashMap<>();
        rows.forEach(r -> map.put(r.get(column), r));
        return map;
    }

    @FunctionalInterface
    interface Lookup {
        Answer find(Query query) throws InterruptedException;
    }

    private record DevSource(Kind kind, String name, Lookup lookup) implements ExternalSource {
        @Override
        public boolean development() {
            return true;
        }

        @Override
        public Answer ask(Query query) throws InterruptedException {
            return lookup.find(query);
        }
    }
}
