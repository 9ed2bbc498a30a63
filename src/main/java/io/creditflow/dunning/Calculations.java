package io.creditflow.dunning;

import io.creditflow.law.CostScale;
import io.creditflow.law.CostsCalculation;
import io.creditflow.law.CostsRequest;
import io.creditflow.law.DebtorType;
import io.creditflow.law.InterestCalculation;
import io.creditflow.law.InterestKind;
import io.creditflow.law.InterestPayment;
import io.creditflow.law.InterestRequest;
import io.creditflow.law.VatUplift;
import io.creditflow.platform.BusinessRuleException.FieldError;
import io.creditflow.platform.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calculators credit managers check amounts with (API and console): collection costs and statutory interest,
 * exactly as dunning computes them. Amounts leave as strings with two decimals. Bad input fails with a 400 naming
 * the field (the law module's messages start with it).
 */
@Component
public class Calculations {

    private final LawCalculators law;
    private final Clock clock;

    Calculations(LawCalculators law, Clock clock) {
        this.law = law;
        this.clock = clock;
    }

    /** Collection costs on the summed principals. */
    public Map<String, Object> collectionCosts(List<BigDecimal> principals, @Nullable String debtorType,
                                               @Nullable LocalDate inDefaultSince, boolean vatUplift,
                                               @Nullable BigDecimal contractualPercent) {
        DebtorType type = debtorType(debtorType);
        CostsCalculation c = lawCall(() -> law.costs().calculate(new CostsRequest(principals, "EUR", type,
                inDefaultSince == null ? LocalDate.now(clock) : inDefaultSince,
                vatUplift ? VatUplift.claimedAtDutchStandardRate() : VatUplift.none(), contractualPercent, null)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("principal", money(c.principal()));
        r.put("costs", money(c.costs()));
        r.put("costsExcludingVat", money(c.costsExcludingVat()));
        r.put("vat", money(c.vat()));
        r.put("debtorType", c.debtorType().name());
        r.put("scaleVersion", c.scaleVersion());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CostScale.BracketLine l : c.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("from", money(l.bracket().lowerBound()));
            line.put("upTo", l.bracket().upperBound() == null ? null : money(l.bracket().upperBound()));
            line.put("ratePercent", l.bracket().percent().stripTrailingZeros().toPlainString());
            line.put("portion", money(l.portion()));
            line.put("amount", l.amount().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
            lines.add(line);
        }
        r.put("lines", lines);
        r.put("scaleAmount", money(c.scaleAmount()));
        r.put("adjustments", c.adjustments().stream().map(a -> Map.of("kind", a.kind().name(), "before",
                money(a.before()), "after", money(a.after()), "explanation", a.explanation())).toList());
        r.put("requiresFourteenDayLetter", c.requiresFourteenDayLetter());
        r.put("owedWithoutReminder", money(c.owedWithoutReminder()));
        r.put("owedWithoutReminderFrom", c.owedWithoutReminderFrom() == null ? null : c.owedWithoutReminderFrom().toString());
        r.put("notes", c.notes());
        return r;
    }

    public record Payment(@Nullable LocalDate date, @Nullable BigDecimal amount) {
    }

    /** Statutory interest with its periods. */
    public Map<String, Object> statutoryInterest(@Nullable BigDecimal principal, @Nullable LocalDate from,
                                                 @Nullable LocalDate to, @Nullable String kind,
                                                 @Nullable List<Payment> payments) {
        List<FieldError> errors = new ArrayList<>();
        if (principal == null) {
            errors.add(new FieldError("principal", "required"));
        }
        if (from == null) {
            errors.add(new FieldError("from", "required, yyyy-mm-dd"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "required, yyyy-mm-dd"));
        }
        InterestKind k = null;
        try {
            k = InterestKind.valueOf(String.valueOf(kind));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "CONSUMER or COMMERCIAL"));
        }
        List<InterestPayment> paid = new ArrayList<>();
        List<Payment> given = payments == null ? List.of() : payments;
        for (int i = 0; i < given.size(); i++) {
            Payment p = given.get(i);
            if (p == null || p.date() == null || p.amount() == null) {
                errors.add(new FieldError("payments[" + i + "]", "date and amount required"));
            } else {
                final int index = i;
                lawCallPrefixed("payments[" + index + "].", () -> paid.add(new InterestPayment(p.date(), p.amount())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The calculation has invalid fields.", errors);
        }
        InterestKind interestKind = k;
        InterestCalculation c = lawCall(() -> law.interest().calculate(new InterestRequest(principal, from, to,
                interestKind, paid, BigDecimal.ZERO)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("principal", money(c.principal()));
        r.put("from", c.from().toString());
        r.put("to", c.to().toString());
        r.put("kind", c.kind().name());
        r.put("interest", money(c.interest()));
        r.put("periods", c.periods().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", p.from().toString());
            m.put("to", p.to().toString());
            m.put("base", money(p.base()));
            m.put("rate", p.ratePercent().stripTrailingZeros().toPlainString());
            m.put("days", p.days());
            m.put("interest", money(p.interest()));
            m.put("rateUncertain", p.rateUncertain());
            return m;
        }).toList());
        r.put("capitalisations", c.capitalisations().stream().map(x -> Map.of("date", x.date().toString(),
                "amount", money(x.amount()), "baseAfter", money(x.baseAfter()))).toList());
        r.put("payments", c.payments().stream().map(x -> Map.of("date", x.date().toString(), "amount",
                money(x.amount()), "toInterest", money(x.toInterest()), "toPrincipal", money(x.toPrincipal()))).toList());
        r.put("openInterest", money(c.openInterest()));
        r.put("openPrincipal", money(c.openPrincipal()));
        r.put("uncertainRates", c.uncertainRates());
        return r;
    }

    private static DebtorType debtorType(@Nullable String value) {
        try {
            return DebtorType.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The calculation has invalid fields.",
                    List.of(new FieldError("debtorType", "CONSUMER or BUSINESS")));
        }
    }

    private static <T> T lawCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw invalid("", e);
        }
    }

    private static void lawCallPrefixed(String prefix, Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            throw invalid(prefix, e);
        }
    }

    /** The law module's messages are "field: reason". */
    private static ValidationException invalid(String prefix, IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        String field = colon > 0 ? message.substring(0, colon) : "request";
        String reason = colon > 0 ? message.substring(colon + 2) : message;
        return new ValidationException("The calculation has invalid fields.",
                List.of(new FieldError(prefix + field, reason)));
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
