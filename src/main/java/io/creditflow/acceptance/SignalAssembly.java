package io.creditflow.acceptance;

import io.creditflow.acceptance.verification.VerifiedApplicant;
import io.creditflow.shared.Iban;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.creditflow.acceptance.SignalNames.*;

/**
 * Puts a check's signals together from the verified input, the facts found under the identity's lock and the external
 * answers. History signals, {@code plans.broken} and the worst dunning step among them, are present only for an
 * identity with invoices at this tenant (see {@link SignalNames}).
 */
final class SignalAssembly {

    private SignalAssembly() {
    }

    /**
     * @param plansBroken payment plans of the identity's debtors broken in the last 24 months (null without history)
     */
    static Signals of(VerifiedApplicant a, CheckFacts f, Map<String, Object> external, LocalDate today,
                      @Nullable Integer plansBroken) {
        Map<String, Object> s = new LinkedHashMap<>(48);
        s.put(APPLICANT_TYPE, a.type().name());
        s.put(APPLICANT_AGE, a.age());
        s.put(EMAIL_PRESENT, a.email() != null);
        s.put(EMAIL_DISPOSABLE, a.email() == null ? null : a.emailDisposable());
        s.put(PHONE_PRESENT, a.phone() != null);
        s.put(PHONE_TYPE, a.phoneType());
        s.put(IBAN_PRESENT, a.iban() != null);
        s.put(IBAN_FOREIGN, a.iban() == null ? null : !Iban.parse(a.iban()).countryCode().equals(a.address().country()));
        s.put(ADDRESS_COUNTRY, a.address().country());
        s.put(ORDER_AMOUNT, a.order().amount());
        s.put(ORDER_CHANNEL, a.order().channel());
        s.put(ORDER_CATEGORY, a.order().productCategory());
        s.put(ORDER_PAY_LATER, a.order().payLater());
        history(f, today, s);
        s.put(PLANS_BROKEN, f.firstInvoice() == null ? null : plansBroken);
        s.put(EXPOSURE_OUTSTANDING, f.openAmount());
        s.put(EXPOSURE_OPEN_ORDERS, f.openOrders());
        s.put(LIMIT_MANUAL, f.manualLimit());
        s.put(CHECKS_1H, f.checks1h());
        s.put(CHECKS_24H, f.checks24h());
        s.put(SHARED_EMAIL, f.sharedEmail());
        s.put(SHARED_IBAN, f.sharedIban());
        s.put(SHARED_PHONE, f.sharedPhone());
        s.put(SHARED_ADDRESS, f.sharedAddress());
        s.put(SHARED_MAX, Math.max(f.sharedEmail(), Math.max(f.sharedIban(), f.sharedPhone())));
        s.put(DELIVERY_DISTANCE_KM, a.deliveryDistanceKm());
        s.put(DELIVERY_OTHER_COUNTRY, a.delivery() == null ? null : a.deliveryOtherCountry());
        s.putAll(external);
        return Signals.of(s);
    }

    private static void history(CheckFacts f, LocalDate today, Map<String, Object> s) {
        boolean known = f.firstInvoice() != null;
        s.put(HISTORY_KNOWN, known);
        if (!known) {
            return;
        }
        s.put(HISTORY_OPEN, f.openAmount());
        s.put(HISTORY_OVERDUE, f.overdueAmount());
        s.put(HISTORY_MAX_DAYS_OVERDUE, f.maxDaysOverdue());
        s.put(HISTORY_IN_COLLECTION, f.inCollection());
        s.put(HISTORY_DISPUTED, f.disputed());
        s.put(HISTORY_PAID_12M, f.paidCount12m());
        s.put(HISTORY_AVG_DAYS_LATE, f.avgDaysLate12m());
        s.put(HISTORY_MAX_DAYS_LATE, f.maxDaysLate12m());
        s.put(HISTORY_PAID_WITHIN_60, f.paidWithin60().compareTo(BigDecimal.ZERO) > 0 ? f.paidWithin60() : null);
        s.put(HISTORY_MONTHS_KNOWN, ChronoUnit.MONTHS.between(f.firstInvoice(), today));
        s.put(DUNNING_WORST_STEP, f.dunningWorstStep());
    }
}
