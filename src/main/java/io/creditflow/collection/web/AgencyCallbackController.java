package io.creditflow.collection.web;

import io.creditflow.collection.handoff.AgencyCallbacks;
import io.creditflow.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The agency's callbacks. No API key: the agency signs each request with the tenant's agency secret (checked before
 * anything is read or written), and the hand-off id in the path finds the tenant.
 */
@RestController
class AgencyCallbackController {

    private final AgencyCallbacks callbacks;

    AgencyCallbackController(AgencyCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/api/v1/collection-agency/callbacks/{handoffId}")
    ResponseEntity<Map<String, String>> callback(@PathVariable UUID handoffId,
                                                 @RequestHeader(name = "X-Creditflow-Signature", required = false)
                                                 String signature, @RequestBody byte[] body) {
        try {
            var outcome = callbacks.receive(handoffId, signature == null ? "" : signature,
                    new String(body, StandardCharsets.UTF_8));
            return ResponseEntity.ok(Map.of("outcome", outcome.name()));
        } catch (AgencyCallbacks.BadSignature e) {
            return ResponseEntity.status(401).body(Map.of("error", e.getMessage()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Paths {
        @Bean
        PublicPaths collectionAgencyPublicPaths() {
            return PublicPaths.of("/api/v1/collection-agency/callbacks/**");
        }
    }
}
