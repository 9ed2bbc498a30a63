package io.creditflow.collection;

import java.util.UUID;

/**
 * A bailiff or collection agency that takes over a case: Creditflow hands it the dossier, and the agency reports back
 * (status updates and payments) through the signed callback endpoint
 * {@code POST /api/v1/collection-agency/callbacks/{handoffId}}. Implement one bean per agency; the tenant's settings
 * choose it by {@link #key()}.
 */
public interface CollectionAgency {

    /** Stable key stored in the tenant's settings ("file-drop"). */
    String key();

    /** What the console shows; a development stand-in says so in its name. */
    String name();

    /** The dossier of one hand-off: a ZIP with dossier.pdf, dossier.json, the invoices and the evidence. */
    record Dossier(UUID tenantId, UUID handoffId, UUID caseId, String caseReference, UUID debtorId, byte[] zip,
                   String sha256) {
    }

    /** The agency's acknowledgement: its own reference for the case. */
    record Receipt(String externalRef, String note) {
    }

    /** The agency refused or could not be reached; nothing was handed off. */
    class HandOffFailed extends RuntimeException {
        public HandOffFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Called inside the hand-off's transaction, which may still roll back afterwards: an implementation that keeps
     * anything locally (a file, a row) undoes it when the transaction does not commit.
     */
    Receipt handOff(Dossier dossier);

    /** Removes what this platform still holds for the agency about a hand-off (erasure); returns how many items. */
    int erase(UUID tenantId, UUID handoffId);
}
