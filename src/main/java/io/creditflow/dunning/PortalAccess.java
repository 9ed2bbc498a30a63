package io.creditflow.dunning;

import java.net.URI;
import java.util.UUID;

/**
 * The debtor portal as dunning's messages need it: every message carries the way in (a signed link in e-mails, a
 * short code and where to type it on letters and SMS). The portal module implements it; dunning defines it so that
 * it does not depend on the portal (which depends on payments, which depends on dunning).
 */
public interface PortalAccess {

    /** The debtor's signed, expiring portal link. */
    URI linkFor(UUID debtorId);

    /** The debtor's short code for this period, for readers of a letter or an SMS. */
    String codeFor(UUID debtorId);

    /** The short codes of many debtors at once (a run's batch), by debtor; by default one by one. */
    default java.util.Map<UUID, String> codesFor(java.util.Collection<UUID> debtorIds) {
        java.util.Map<UUID, String> codes = new java.util.LinkedHashMap<>();
        debtorIds.forEach(d -> codes.put(d, codeFor(d)));
        return codes;
    }

    /** Where a short code is typed in. */
    URI codeEntryUrl();

    /**
     * The paragraph with the debtor's signed link that dunning adds to an e-mail whose template does not place
     * {@code portalLink} itself, in the debtor's language: for other modules' e-mails to the debtor (payments'
     * direct-debit pre-notifications), so every message carries the same way in.
     */
    default String emailParagraph(UUID debtorId, String language) {
        return io.creditflow.dunning.run.PortalNotice.emailHtml(language, linkFor(debtorId).toString());
    }
}
