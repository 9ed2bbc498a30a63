package io.creditflow.privacy;

import io.creditflow.privacy.documents.PrivacyDocuments;
import io.creditflow.privacy.rights.AccessExports;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A data subject's own access request (GDPR art. 15 and 20) made through a self-service channel such as the debtor
 * portal: registered as an access request of that channel and completed at once by the export it returns, so the
 * request register shows it like any other. For other modules; the export itself is {@link AccessExports}'.
 */
@Component
public class SelfServiceAccess {

    private final DataSubjectRequests requests;
    private final AccessExports exports;
    private final PrivacyDocuments documents;

    SelfServiceAccess(DataSubjectRequests requests, AccessExports exports, PrivacyDocuments documents) {
        this.requests = requests;
        this.exports = exports;
        this.documents = documents;
    }

    /** The export as a JSON-shaped tree; the request is registered and completed. */
    @Transactional
    public Map<String, Object> exportJson(UUID debtorId, String channel) {
        var request = requests.register(DataSubjectRequests.Type.ACCESS, debtorId, null, channel, null);
        return exports.export(debtorId, request.id());
    }

    /** The same export as a readable PDF. */
    @Transactional
    public byte[] exportPdf(UUID debtorId, String channel, Locale locale) {
        return documents.accessExport(exportJson(debtorId, channel), locale);
    }
}
