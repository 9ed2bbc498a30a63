package io.creditflow.acceptance.web;

import io.creditflow.acceptance.CheckSummary;
import io.creditflow.acceptance.CreditChecks;
import io.creditflow.acceptance.Decision;
import io.creditflow.acceptance.ReviewQueue;
import io.creditflow.platform.web.ConsoleMenuItem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Console: the check log with filters, a check in full (reasons, signals, rules, sources), the review queue. */
@Controller
class ChecksConsole {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final CreditChecks checks;
    private final ReviewQueue reviews;

    ChecksConsole(CreditChecks checks, ReviewQueue reviews) {
        this.checks = checks;
        this.reviews = reviews;
    }

    static String language() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "nl";
    }

    @GetMapping("/console/credit-checks")
    @PreAuthorize("hasAuthority('checks:read')")
    String log(@RequestParam(required = false) @Nullable Decision decision,
               @RequestParam(required = false) @Nullable String variant,
               @RequestParam(required = false) @Nullable Integer policyVersion,
               @RequestParam(required = false) @Nullable String applicantType,
               @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) @Nullable BigDecimal minAmount,
               @RequestParam(required = false) @Nullable String cursor, Model model) {
        CheckSummary.Filter filter = new CheckSummary.Filter(decision, blank(variant), policyVersion,
                from == null ? null : from.atStartOfDay(AMSTERDAM).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(AMSTERDAM).toOffsetDateTime(), minAmount,
                blank(applicantType));
        model.addAttribute("page", checks.list(filter, cursor, 50));
        model.addAttribute("filter", filter);
        model.addAttribute("fromDate", from);
        model.addAttribute("toDate", to);
        model.addAttribute("decisions", Decision.values());
        return "acceptance/checks";
    }

    @GetMapping("/console/credit-checks/{id}")
    @PreAuthorize("hasAuthority('checks:read')")
    String check(@PathVariable UUID id, Model model) {
        model.addAttribute("check", checks.get(id, language()));
        model.addAttribute("explanation", checks.explain(id, language()));
        model.addAttribute("openReview", reviews.openReviewOf(id));
        return "acceptance/check";
    }

    @PostMapping("/console/credit-checks/{id}/review-request")
    @PreAuthorize("hasAuthority('checks:perform') or hasAuthority('checks:review')")
    String requestReview(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note) {
        reviews.request(id, note);
        return "redirect:/console/credit-checks/" + id;
    }

    @PostMapping("/console/credit-checks/{id}/release")
    @PreAuthorize("hasAuthority('checks:perform')")
    String release(@PathVariable UUID id, @RequestParam String reason) {
        checks.release(id, reason);
        return "redirect:/console/credit-checks/" + id;
    }

    @GetMapping("/console/credit-reviews")
    @PreAuthorize("hasAuthority('checks:review')")
    String queue(Model model) {
        model.addAttribute("items", reviews.open(200));
        return "acceptance/reviews";
    }

    @PostMapping("/console/credit-reviews/{reviewId}")
    @PreAuthorize("hasAuthority('checks:review')")
    String decide(@PathVariable UUID reviewId, @RequestParam UUID checkId, @RequestParam Decision decision,
                  @RequestParam String reason, @RequestParam(required = false) @Nullable BigDecimal approvedAmount,
                  RedirectAttributes redirect) {
        reviews.decide(reviewId, decision, reason, approvedAmount);
        redirect.addFlashAttribute("message", "review.decided");
        return "redirect:/console/credit-checks/" + checkId;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem creditChecksMenu() {
            return new ConsoleMenuItem(300, "nav.creditChecks", "/console/credit-checks", "checks:read");
        }

        @Bean
        ConsoleMenuItem creditReviewsMenu() {
            return new ConsoleMenuItem(310, "nav.creditReviews", "/console/credit-reviews", "checks:review");
        }

        @Bean
        ConsoleMenuItem creditLimitsMenu() {
            return new ConsoleMenuItem(320, "nav.creditLimits", "/console/credit-limits", "checks:read");
        }

        @Bean
        ConsoleMenuItem creditPolicyMenu() {
            return new ConsoleMenuItem(330, "nav.creditPolicy", "/console/credit-policy", "policy:manage");
        }
    }
}
