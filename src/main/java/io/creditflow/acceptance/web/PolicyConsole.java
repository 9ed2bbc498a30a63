package io.creditflow.acceptance.web;

import io.creditflow.acceptance.CreditAlerts;
import io.creditflow.acceptance.CreditLimits;
import io.creditflow.acceptance.Policies;
import io.creditflow.acceptance.PolicySimulation;
import io.creditflow.acceptance.PolicyVersion;
import io.creditflow.platform.BusinessRuleException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Console: the policy editor with simulation and activation; the limits overview with monitoring alerts. */
@Controller
class PolicyConsole {

    private final Policies policies;
    private final PolicySimulation simulation;
    private final CreditLimits limits;
    private final CreditAlerts alerts;

    PolicyConsole(Policies policies, PolicySimulation simulation, CreditLimits limits, CreditAlerts alerts) {
        this.policies = policies;
        this.simulation = simulation;
        this.limits = limits;
        this.alerts = alerts;
    }

    @GetMapping("/console/credit-policy")
    @PreAuthorize("hasAuthority('policy:manage')")
    String editor(@RequestParam(required = false) @Nullable Integer version, Model model) {
        List<PolicyVersion> versions = policies.versions();
        PolicyVersion shown = version == null
                ? versions.stream().filter(v -> v.status().equals("ACTIVE")).findFirst().orElse(versions.getFirst())
                : policies.version(version);
        model.addAttribute("versions", versions);
        model.addAttribute("shown", shown);
        model.addAttribute("document", shown.json());
        return "acceptance/policy";
    }

    /** htmx: replays the last checks under the document in the editor; answers the result fragment. */
    @PostMapping("/console/credit-policy/simulate")
    @PreAuthorize("hasAuthority('policy:manage')")
    String simulate(@RequestParam String document, @RequestParam(defaultValue = "1000") int checks, Model model) {
        try {
            model.addAttribute("result", simulation.simulate(document, Math.min(checks, PolicySimulation.MAX_CHECKS)));
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors().isEmpty() ? List.of(Map.of("field", "-", "reason", e.getMessage()))
                    : e.errors());
        }
        return "acceptance/simulation :: result";
    }

    @PostMapping("/console/credit-policy")
    @PreAuthorize("hasAuthority('policy:manage')")
    String save(@RequestParam String document, @RequestParam(required = false) @Nullable String note, Model model) {
        try {
            PolicyVersion saved = policies.saveDraft(document, note);
            return "redirect:/console/credit-policy?version=" + saved.version();
        } catch (BusinessRuleException e) {
            List<PolicyVersion> versions = policies.versions();
            model.addAttribute("versions", versions);
            model.addAttribute("shown", versions.getFirst());
            model.addAttribute("document", document);
            model.addAttribute("errors", e.errors());
            return "acceptance/policy";
        }
    }

    @PostMapping("/console/credit-policy/{version}/activate")
    @PreAuthorize("hasAuthority('policy:manage')")
    String activate(@PathVariable int version) {
        policies.activate(version);
        return "redirect:/console/credit-policy?version=" + version;
    }

    @GetMapping("/console/credit-limits")
    @PreAuthorize("hasAuthority('checks:read')")
    String limits(@RequestParam(defaultValue = "false") boolean overLimit, Model model) {
        model.addAttribute("lines", limits.overview(overLimit, 200));
        model.addAttribute("overLimit", overLimit);
        model.addAttribute("alerts", alerts.open(100));
        return "acceptance/limits";
    }

    @PostMapping("/console/credit-limits/{identityId}")
    @PreAuthorize("hasAuthority('policy:manage')")
    String setLimit(@PathVariable UUID identityId, @RequestParam(required = false) @Nullable BigDecimal amount,
                    @RequestParam String reason) {
        limits.setManual(identityId, amount, reason);
        return "redirect:/console/credit-limits";
    }

    @PostMapping("/console/credit-alerts/{alertId}/acknowledge")
    @PreAuthorize("hasAuthority('checks:review')")
    String acknowledge(@PathVariable UUID alertId) {
        alerts.acknowledge(alertId);
        return "redirect:/console/credit-limits";
    }
}
