package io.creditflow.dunning.web;

import io.creditflow.dunning.Calculations;
import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.DunningSettingsStore;
import io.creditflow.dunning.InterestRates;
import io.creditflow.law.InterestKind;
import io.creditflow.messaging.Tone;
import io.creditflow.platform.BusinessRuleException;
import io.creditflow.platform.web.ConsoleMenuItem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Console: dunning settings, the calculators page, and (platform operator) the statutory interest rate table. */
@Controller
class SettingsConsole {

    private final DunningSettingsStore settings;
    private final Calculations calculations;
    private final InterestRates rates;

    SettingsConsole(DunningSettingsStore settings, Calculations calculations, InterestRates rates) {
        this.settings = settings;
        this.calculations = calculations;
        this.rates = rates;
    }

    @GetMapping("/console/dunning/settings")
    @PreAuthorize("hasAuthority('dunning:read')")
    String settings(Model model) {
        model.addAttribute("s", settings.get());
        model.addAttribute("tones", Tone.values());
        model.addAttribute("catchUps", DunningSettings.CatchUp.values());
        return "dunning/settings";
    }

    @PostMapping("/console/dunning/settings")
    @PreAuthorize("hasAuthority('settings:manage') or hasAuthority('dunning:manage')")
    String save(@RequestParam String creditorName, @RequestParam(defaultValue = "") String addressLines,
                @RequestParam String country, @RequestParam(required = false) @Nullable String iban,
                @RequestParam(required = false) @Nullable String bic, @RequestParam(required = false) @Nullable String email,
                @RequestParam(required = false) @Nullable String phone,
                @RequestParam(required = false) @Nullable String chamberOfCommerce,
                @RequestParam(required = false) @Nullable String vatNumber, @RequestParam Tone defaultTone,
                @RequestParam DunningSettings.CatchUp catchUp, @RequestParam int postDeliveryDays,
                @RequestParam int emailDeliveryDays, @RequestParam(defaultValue = "false") boolean outsourced,
                @RequestParam(defaultValue = "false") boolean cannotDeductVat,
                @RequestParam(required = false) @Nullable BigDecimal contractualPercentBusiness,
                @RequestParam(required = false) @Nullable String webhookUrl,
                @RequestParam(required = false) @Nullable String webhookSecret,
                @RequestParam(defaultValue = "false") boolean emailFallbackToLetter, Model model) {
        List<String> lines = Arrays.stream(addressLines.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        DunningSettings s = new DunningSettings(creditorName, lines, country, blank(iban), blank(bic), blank(email),
                blank(phone), blank(chamberOfCommerce), blank(vatNumber), defaultTone, catchUp, postDeliveryDays,
                emailDeliveryDays, outsourced, cannotDeductVat, contractualPercentBusiness, blank(webhookUrl),
                blank(webhookSecret) == null ? settings.get().webhookSecret() : webhookSecret, emailFallbackToLetter);
        try {
            settings.save(s);
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("s", s);
            model.addAttribute("tones", Tone.values());
            model.addAttribute("catchUps", DunningSettings.CatchUp.values());
            return "dunning/settings";
        }
        return "redirect:/console/dunning/settings?saved";
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/console/calculator")
    @PreAuthorize("hasAuthority('calculations')")
    String calculator(@RequestParam(required = false) @Nullable String principals,
                      @RequestParam(defaultValue = "CONSUMER") String debtorType,
                      @RequestParam(defaultValue = "false") boolean vatUplift,
                      @RequestParam(required = false) @Nullable BigDecimal principal,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                      @RequestParam(defaultValue = "CONSUMER") String kind, Model model) {
        model.addAttribute("principals", principals);
        model.addAttribute("debtorType", debtorType);
        model.addAttribute("vatUplift", vatUplift);
        model.addAttribute("principal", principal);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("kind", kind);
        try {
            if (principals != null && !principals.isBlank()) {
                List<BigDecimal> values = Arrays.stream(principals.split("[;\\s]+")).filter(p -> !p.isBlank())
                        .map(p -> new BigDecimal(p.replace(",", "."))).toList();
                model.addAttribute("costs", calculations.collectionCosts(values, debtorType, null, vatUplift, null));
            }
            if (principal != null && from != null && to != null) {
                model.addAttribute("interest", calculations.statutoryInterest(principal, from, to, kind, List.of()));
            }
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
        } catch (NumberFormatException e) {
            model.addAttribute("errors", List.of(new BusinessRuleException.FieldError("principals", "not a number")));
        }
        return "dunning/calculator";
    }

    @GetMapping("/operator/interest-rates")
    @PreAuthorize("hasAuthority('platform:operate')")
    String rates(Model model) {
        model.addAttribute("rows", rates.rows());
        model.addAttribute("kinds", InterestKind.values());
        return "dunning/interest-rates";
    }

    @PostMapping("/operator/interest-rates")
    @PreAuthorize("hasAuthority('platform:operate')")
    String putRate(@RequestParam InterestKind kind, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                   @RequestParam BigDecimal percent, @RequestParam(defaultValue = "false") boolean uncertain,
                   @RequestParam(defaultValue = "") String note, Model model) {
        try {
            rates.put(kind, effectiveFrom, percent, uncertain, note);
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", e.errors());
            return rates(model);
        }
        return "redirect:/operator/interest-rates";
    }

    @PostMapping("/operator/interest-rates/delete")
    @PreAuthorize("hasAuthority('platform:operate')")
    String deleteRate(@RequestParam InterestKind kind,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom) {
        rates.remove(kind, effectiveFrom);
        return "redirect:/operator/interest-rates";
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem dunningSettingsMenu() {
            return new ConsoleMenuItem(280, "nav.dunningSettings", "/console/dunning/settings", "dunning:read");
        }

        @Bean
        ConsoleMenuItem interestRatesMenu() {
            return new ConsoleMenuItem(910, "nav.interestRates", "/operator/interest-rates", "platform:operate");
        }
    }
}
