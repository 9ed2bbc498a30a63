package io.creditflow.acceptance;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Map;

/**
 * A source outside the tenant's own data: a company register, an insolvency register, an address register or a credit
 * bureau. Implementations call the real service (a contract with that company); Creditflow ships only a file-backed
 * development implementation. The check asks every source its policy enables in parallel and waits at most the
 * policy's timeout for each: a source that is late or fails is decided without, and the reasons say so.
 */
public interface ExternalSource {

    Kind kind();

    /** Shown in the check log, e.g. {@code dev-csv:insolvency-register}. */
    String name();

    /** True for development stand-ins that are not a real register (shown as such in the console). */
    boolean development();

    /** Blocking call; the caller runs it on its own thread and enforces the timeout. */
    Answer ask(Query query) throws Exception;

    enum Kind { COMPANY_REGISTER, INSOLVENCY_REGISTER, ADDRESS_REGISTER, CREDIT_BUREAU }

    /** What the sources may be asked (normalised by input verification). */
    record Query(ApplicantType type, @Nullable String firstName, @Nullable String lastName,
                 @Nullable LocalDate dateOfBirth, @Nullable String companyName, @Nullable String chamberOfCommerce,
                 @Nullable String street, @Nullable String houseNumber, @Nullable String postcode,
                 @Nullable String country) {
    }

    /**
     * FOUND or NOT_FOUND (the source knows the whole population it covers, e.g. the insolvency register), or NO_DATA
     * (outside its coverage: no conclusion). {@code signals} are values under {@link SignalNames}; {@code detail} is
     * the raw answer, which can contain personal data and is stored encrypted only.
     */
    record Answer(Status status, Map<String, Object> signals, String detail) {
        public enum Status { FOUND, NOT_FOUND, NO_DATA }

        public Answer {
            signals = Map.copyOf(signals);
        }
    }
}
