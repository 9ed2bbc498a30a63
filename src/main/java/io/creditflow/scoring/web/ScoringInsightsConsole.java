package io.creditflow.scoring.web;

import io.creditflow.platform.BusinessRuleException;
import io.creditflow.scoring.Purpose;
import io.creditflow.scoring.monitoring.StabilityMonitor;
import io.creditflow.scoring.registry.ActiveModels;
import io.creditflow.scoring.registry.ModelCard;
import io.creditflow.scoring.registry.ScoringModels;
import io.creditflow.scoring.registry.ServedModel;
import io.creditflow.scoring.valuation.PortfolioValuation;
import io.creditflow.scoring.valuation.RecoveryValuation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Console: stability of the active models (PSI history, drift alerts) and the portfolio valuation with the worklist. */
@Controller
@PreAuthorize("hasAuthority('scoring:read')")
class ScoringInsightsConsole {

    private final StabilityMonitor stability;
    private final ActiveModels active;
    private final ScoringModels models;
    private final PortfolioValuation valuation;
    private final JsonMapper json;
    private final MessageSource messages;

    ScoringInsightsConsole(StabilityMonitor stability, ActiveModels active, ScoringModels models,
                           PortfolioValuation valuation, JsonMapper json, MessageSource messages) {
        this.messages = messages;
        this.stability = stability;
        this.active = active;
        this.models = models;
        this.valuation = valuation;
        this.json = json;
    }

    /** One active model on the monitoring page: its card, its measurements and their chart. */
    record Monitored(ModelCard card, String role, List<StabilityMonitor.Measurement> history, String chart) {
    }

    @GetMapping("/console/scoring-monitoring")
    String monitoring(Model model) {
        List<Monitored> monitored = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            ActiveModels.Active models = active.get(purpose);
            add(monitored, models.champion(), "CHAMPION");
            add(monitored, models.challenger(), "CHALLENGER");
        }
        model.addAttribute("monitored", monitored);
        model.addAttribute("alerts", stability.alerts());
        return "scoring/monitoring";
    }

    @PostMapping("/console/scoring-monitoring/measure")
    @PreAuthorize("hasAuthority('scoring:manage')")
    String measure(RedirectAttributes redirect) {
        redirect.addFlashAttribute("measured", stability.measure().size());
        return "redirect:/console/scoring-monitoring";
    }

    private void add(List<Monitored> monitored, ServedModel served, String role) {
        if (served == null) {
            return;
        }
        List<StabilityMonitor.Measurement> history = stability.history(served.id(), 90);
        Map<String, Object> chart = Map.of("type", "line", "data", Map.of(
                "labels", history.stream().map(m -> m.measuredAt().toLocalDate().toString()).toList(),
                "datasets", List.of(
                        Map.of("label", "PSI", "borderColor", "#0b5cad", "tension", 0.2,
                                "data", history.stream().map(m -> Math.round(m.psi() * 10000) / 10000.0).toList()),
                        Map.of("label", "0.25", "borderColor", "#b42318", "borderDash", List.of(6, 4),
                                "pointRadius", 0, "data", history.stream().map(m -> 0.25).toList()))),
                "options", Map.of("scales", Map.of("y", Map.of("beginAtZero", true))));
        monitored.add(new Monitored(models.card(served.id()), role, history, json.writeValueAsString(chart)));
    }

    @GetMapping("/console/valuation")
    String valuation(Model model) {
        try {
            PortfolioValuation.Valuation v = valuation.value();
            model.addAttribute("valuation", v);
            model.addAttribute("chart", json.writeValueAsString(chart(v.lines(), messages)));
            model.addAttribute("segmentChart", json.writeValueAsString(segmentChart(v.lines(), messages)));
            model.addAttribute("worklist", v.items().stream().limit(50).toList());
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "scoring/valuation";
    }

    /** Open amount and expected recovery per age bucket (all segments together). */
    private static Map<String, Object> chart(List<RecoveryValuation.Line> lines, MessageSource messages) {
        Map<String, BigDecimal[]> byAge = new LinkedHashMap<>();
        for (RecoveryValuation.AgeBucket age : RecoveryValuation.AgeBucket.values()) {
            byAge.put(age.name(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        lines.forEach(line -> add(byAge.get(line.age().name()), line));
        return bars(byAge, "age.", messages);
    }

    /** Open amount and expected recovery per segment (consumers, businesses; all ages together). */
    private static Map<String, Object> segmentChart(List<RecoveryValuation.Line> lines, MessageSource messages) {
        Map<String, BigDecimal[]> bySegment = new java.util.TreeMap<>();
        lines.forEach(line -> add(bySegment.computeIfAbsent(line.segment(),
                s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}), line));
        return bars(bySegment, "segment.", messages);
    }

    private static void add(BigDecimal[] totals, RecoveryValuation.Line line) {
        totals[0] = totals[0].add(line.open());
        totals[1] = totals[1].add(line.expectedRecovery());
    }

    private static Map<String, Object> bars(Map<String, BigDecimal[]> groups, String labelPrefix,
                                            MessageSource messages) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        return Map.of("type", "bar", "data", Map.of(
                "labels", groups.keySet().stream().map(g -> messages.getMessage(labelPrefix + g, null, g, locale))
                        .toList(),
                "datasets", List.of(
                        Map.of("label", messages.getMessage("valuation.open", null, locale), "backgroundColor", "#9aa3b5",
                                "data", groups.values().stream().map(t -> t[0]).toList()),
                        Map.of("label", messages.getMessage("valuation.expected", null, locale),
                                "backgroundColor", "#1a7f37",
                                "data", groups.values().stream().map(t -> t[1]).toList()))));
    }
}
