package io.creditflow.acceptance;

import io.creditflow.acceptance.sources.SourceGateway;
import io.creditflow.privacy.PersonalDataVault;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the external sources said about an identity, as signal values (no raw text), with a keyed digest to notice a
 * change cheaply. Kept only when every source answered: a timeout is no change. Monitoring asks again later and
 * raises an alert when the digest differs.
 */
record ExternalSummary(@Nullable String json, byte @Nullable [] digest) {

    static ExternalSummary of(SourceGateway.Results answers, PersonalDataVault vault, JsonMapper mapper) {
        boolean complete = !answers.statuses().isEmpty() && answers.statuses().stream().allMatch(s -> s.answered());
        if (!complete) {
            return new ExternalSummary(null, null);
        }
        Map<String, Object> sorted = new TreeMap<>(answers.signals());
        String json = mapper.writeValueAsString(sorted);
        return new ExternalSummary(json, vault.digest("acceptance-external:" + json));
    }
}
