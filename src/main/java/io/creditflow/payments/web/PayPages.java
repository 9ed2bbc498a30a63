package io.creditflow.payments.web;

import io.creditflow.payments.PaymentProvider;
import io.creditflow.payments.links.LinkPayments;
import io.creditflow.payments.links.SandboxCheckout;
import io.creditflow.payments.links.SandboxPaymentProvider;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.web.PublicPaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The public side of payment links: the debtor's pay page, the sandbox provider's checkout page, and the providers'
 * webhooks. No session or API key: the link's unguessable token, the sandbox payment id and the webhook signature are
 * the credentials.
 */
@Controller
class PayPages {

    private final LinkPayments links;
    private final SandboxCheckout sandbox;

    PayPages(LinkPayments links, SandboxCheckout sandbox) {
        this.links = links;
        this.sandbox = sandbox;
    }

    @GetMapping("/pay/{token}")
    String pay(@PathVariable String token, Model model) {
        model.addAttribute("view", links.view(token));
        model.addAttribute("token", token);
        return "payments/pay";
    }

    @PostMapping("/pay/{token}")
    String start(@PathVariable String token, Model model) {
        try {
            URI root = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri();
            return "redirect:" + links.start(token, root);
        } catch (BusinessRuleException e) {
            return "redirect:/pay/" + token;
        }
    }

    @GetMapping("/sandbox-psp/checkout/{id}")
    String checkout(@PathVariable String id, Model model) {
        model.addAttribute("checkout", sandbox.get(id));
        model.addAttribute("providerName", SandboxPaymentProvider.NAME);
        return "payments/sandbox-checkout";
    }

    @PostMapping("/sandbox-psp/checkout/{id}/pay")
    String sandboxPay(@PathVariable String id) {
        return "redirect:" + sandbox.decide(id, true);
    }

    @PostMapping("/sandbox-psp/checkout/{id}/fail")
    String sandboxFail(@PathVariable String id) {
        return "redirect:" + sandbox.decide(id, false);
    }

    /** An unknown link or sandbox payment is a plain 404 page, never an error with details. */
    @org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    @Configuration(proxyBeanMethods = false)
    static class Public {
        @Bean
        PublicPaths paymentsPublicPaths() {
            return PublicPaths.of("/pay/**", "/sandbox-psp/**", "/api/v1/payment-links/webhooks/**");
        }
    }

    /** Webhooks from payment providers: 200 when processed (or already processed), 400 when not authentic. */
    @RestController
    static class Webhooks {
        private final LinkPayments links;

        Webhooks(LinkPayments links) {
            this.links = links;
        }

        @PostMapping("/api/v1/payment-links/webhooks/{provider}")
        ResponseEntity<Map<String, String>> webhook(@PathVariable String provider, @RequestBody byte[] body,
                                                    HttpServletRequest request) {
            Map<String, String> headers = new HashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeader(name));
            }
            try {
                return ResponseEntity.ok(Map.of("outcome", links.webhook(provider, headers, body).name()));
            } catch (PaymentProvider.InvalidWebhook e) {
                return ResponseEntity.badRequest().body(Map.of("error", "invalid webhook: " + e.getMessage()));
            } catch (NotFoundException e) {
                return ResponseEntity.status(404).body(Map.of("error", e.getMessage()));
            }
        }
    }
}
