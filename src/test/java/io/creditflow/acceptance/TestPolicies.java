package io.creditflow.acceptance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.function.Consumer;

/** Variants of the default policy for tests that need one rule out of the way. */
final class TestPolicies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestPolicies() {
    }

    /** Activates the default policy changed by {@code change} in the current tenant; returns its version. */
    static int activate(Policies policies, Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) JSON.readTree(policies.defaultJson());
        change.accept(doc);
        return policies.activate(policies.saveDraft(JSON.writeValueAsString(doc), "test").version()).version();
    }

    /**
     * Without the velocity characteristic (its 30 points moved to the base, so cut-offs keep their meaning) and the
     * burst rule: repeated checks of one person score alike.
     */
    static void withoutVelocity(ObjectNode doc) {
        ObjectNode card = (ObjectNode) doc.get("scorecard");
        card.put("base", card.get("base").asInt() + 30);
        removeWhere((ArrayNode) doc.get("scorecard").get("characteristics"), Set.of("SC_VELOCITY"));
        removeWhere((ArrayNode) doc.get("knockOuts"), Set.of("KO_BURST"));
    }

    static void removeWhere(ArrayNode array, Set<String> codes) {
        for (int i = array.size() - 1; i >= 0; i--) {
            JsonNode n = array.get(i);
            if (codes.contains(n.get("code").asString())) {
                array.remove(i);
            }
        }
    }
}
