package io.creditflow.payments.reconciliation;

/** Running counts of an import: what the API returns and the console shows while it runs. */
final class ImportCounts {
    int statements;
    int entries;
    int applied;
    int suggested;
    int unmatched;
    int duplicates;
    int ignored;

    void count(String state) {
        switch (state) {
            case "APPLIED" -> applied++;
            case "SUGGESTED" -> suggested++;
            case "UNMATCHED" -> unmatched++;
            case "IGNORED" -> ignored++;
            default -> throw new IllegalArgumentException(state);
        }
    }
}
