package io.creditflow.acceptance.sources;

/**
 * How one source fared in one check: FOUND, NOT_FOUND, NO_DATA, TIMEOUT, ERROR, or NOT_INSTALLED (the policy asks for a
 * kind no implementation is installed for). Stored in clear with the check; it holds no personal data.
 */
public record SourceStatus(String kind, String source, String status, long millis, boolean development) {

    public boolean answered() {
        return status.equals("FOUND") || status.equals("NOT_FOUND") || status.equals("NO_DATA");
    }
}
