package io.creditflow.privacy.web;

import io.creditflow.platform.Actor;
import io.creditflow.privacy.records.BreachRegister;
import io.creditflow.privacy.records.SubProcessors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The console banner every tenant user sees until someone of the tenant acknowledges it: breach notifications and
 * sub-processor change notices (the processor agreement's "notice of changes").
 */
@ControllerAdvice(annotations = Controller.class)
class PrivacyBannerAdvice {

    /** What the banner shows: counts of unacknowledged breach notifications and sub-processor notices. */
    record Banner(int breaches, int notices) {
        public boolean any() {
            return breaches > 0 || notices > 0;
        }
    }

    private final BreachRegister breaches;
    private final SubProcessors subProcessors;

    PrivacyBannerAdvice(BreachRegister breaches, SubProcessors subProcessors) {
        this.breaches = breaches;
        this.subProcessors = subProcessors;
    }

    @ModelAttribute("privacyBanner")
    @Nullable Banner banner() {
        if (Actor.current().tenantId() == null || Actor.current().type() != Actor.Type.USER) {
            return null;
        }
        return new Banner(breaches.unacknowledged().size(), subProcessors.unacknowledged().size());
    }
}
