package io.creditflow.dunning.web;

import io.creditflow.dunning.Calculations;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The calculators as API. Decision (issue 4): any authenticated principal of a tenant may call them, whatever the
 * scopes of its API key; they read no tenant data and compute public law, and a key that can read invoices should be
 * able to check their amounts. So they need authentication only, not the {@code calculations} scope.
 */
@RestController
@RequestMapping("/api/v1/calculations")
@PreAuthorize("isAuthenticated()")
class CalculationsController {

    private final Calculations calculations;

    CalculationsController(Calculations calculations) {
        this.calculations = calculations;
    }

    /** {@code ?principal=2500.00&debtorType=CONSUMER}; several {@code principal}s are summed (one letter, art. 6:96 lid 7). */
    @GetMapping("/collection-costs")
    Map<String, Object> collectionCosts(@RequestParam(name = "principal", required = false) @Nullable List<BigDecimal> principals,
                                        @RequestParam(required = false) @Nullable String debtorType,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        @Nullable LocalDate inDefaultSince,
                                        @RequestParam(defaultValue = "false") boolean vatUplift,
                                        @RequestParam(required = false) @Nullable BigDecimal contractualPercent) {
        return calculations.collectionCosts(principals == null ? List.of() : principals, debtorType, inDefaultSince,
                vatUplift, contractualPercent);
    }

    record InterestRequest(@Nullable BigDecimal principal, @Nullable LocalDate from, @Nullable LocalDate to,
                           @Nullable String kind, @Nullable List<Calculations.Payment> payments) {
    }

    @PostMapping("/statutory-interest")
    Map<String, Object> statutoryInterest(@RequestBody InterestRequest request) {
        return calculations.statutoryInterest(request.principal(), request.from(), request.to(), request.kind(),
                request.payments());
    }
}
