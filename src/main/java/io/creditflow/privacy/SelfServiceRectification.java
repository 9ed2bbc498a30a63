package io.creditflow.privacy;

import io.creditflow.privacy.rights.Rectifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.UUID;

/**
 * A data subject corrects their own data through a self-service channel such as the debtor portal (GDPR art. 16):
 * registered as a rectification request of that channel and carried out at once through the same rectification as
 * the controller's in the console ({@link Rectifications}: the owning module replaces the fields and validates them,
 * the previous values are kept encrypted with who and when, open contests of the fields are resolved, the request
 * completes). So the rectification history shows the person's own changes beside the controller's. For other
 * modules; callers pass only fields whose value really changes (an unchanged field is no rectification).
 */
@Component
public class SelfServiceRectification {

    private final DataSubjectRequests requests;
    private final Rectifications rectifications;

    SelfServiceRectification(DataSubjectRequests requests, Rectifications rectifications) {
        this.requests = requests;
        this.rectifications = rectifications;
    }

    /**
     * Rectifies {@code values} (rectifiable field keys of {@code section}, as in the console) of the debtor; refuses
     * invalid values with the owning module's field errors, and a change that changes nothing.
     */
    @Transactional
    public void rectify(UUID debtorId, String section, Map<String, String> values, String channel) {
        var request = requests.register(DataSubjectRequests.Type.RECTIFICATION, debtorId, null, channel, null);
        rectifications.rectify(debtorId, section, values, "corrected by the data subject through the "
                + channel.toLowerCase() + " (self-service)", request.id());
    }
}
