package io.creditflow.scoring.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the scoring pages whether to show the buttons that need scoring:manage (the endpoints check it again). */
@ControllerAdvice(assignableTypes = {ScoringConsole.class, ScoringInsightsConsole.class})
class ManageFlag {

    @ModelAttribute("canManage")
    boolean canManage(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("scoring:manage"::equals);
    }
}
