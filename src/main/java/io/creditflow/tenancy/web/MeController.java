package io.creditflow.tenancy.web;

import io.creditflow.platform.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Who am I: lets a script check its key, tenant and scopes. */
@RestController
class MeController {

    record Me(String type, String id, String name, @Nullable UUID tenantId, List<String> scopes) {
    }

    @GetMapping("/api/v1/me")
    Me me(Authentication authentication) {
        Actor actor = Actor.current();
        return new Me(actor.type().name(), actor.id(), actor.name(), actor.tenantId(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }
}
