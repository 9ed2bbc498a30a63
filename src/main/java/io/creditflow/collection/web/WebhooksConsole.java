package io.creditflow.collection.web;

import io.creditflow.collection.webhooks.WebhookDeliveries;
import io.creditflow.collection.webhooks.WebhookEndpoints;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/** Console: webhook endpoints (the secret is shown once, after creating), the delivery log, replay. */
@Controller
@PreAuthorize("hasAuthority('webhooks:manage')")
class WebhooksConsole {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    WebhooksConsole(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @GetMapping("/console/webhooks")
    String page(@RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("endpoints", endpoints.list());
        model.addAttribute("eventTypes", WebhookEndpoints.EVENT_TYPES);
        model.addAttribute("deliveries", deliveries.recent(cursor, 50));
        return "collection/webhooks";
    }

    @PostMapping("/console/webhooks")
    String create(@RequestParam(required = false) @Nullable String url,
                  @RequestParam(required = false) @Nullable String description,
                  @RequestParam(required = false) @Nullable List<String> eventTypes, RedirectAttributes flash) {
        try {
            WebhookEndpoints.Created created = endpoints.create(url, description, eventTypes);
            flash.addFlashAttribute("secret", created.secret());
            flash.addFlashAttribute("createdUrl", created.endpoint().url());
        } catch (ValidationException e) {
            flash.addFlashAttribute("error", e.getMessage() + " " + e.errors().stream()
                    .map(f -> f.field() + ": " + f.reason()).toList());
        }
        return "redirect:/console/webhooks";
    }

    @PostMapping("/console/webhooks/{id}/delete")
    String delete(@PathVariable UUID id) {
        endpoints.delete(id);
        return "redirect:/console/webhooks";
    }

    @PostMapping("/console/webhooks/deliveries/{id}/replay")
    String replay(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            deliveries.replay(id);
            flash.addFlashAttribute("replayed", true);
        } catch (BusinessRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/webhooks";
    }
}
