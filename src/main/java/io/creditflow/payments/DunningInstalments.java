package io.creditflow.payments;

import io.creditflow.dunning.PaymentPlanInstalments;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Payment plans as dunning's clock sees them: invoices under an active plan leave the invoice clock, and each open
 * instalment runs a clock of its own (a missed instalment is reminded like an invoice, at most once per step: its
 * id is stable per plan and number).
 */
@Component
class DunningInstalments implements PaymentPlanInstalments {

    /**
     * Dunning asks for instalments its steps may reach on a day; a step before the due date (a negative offset) needs
     * instalments due after that day. No sensible flow reminds more than this long ahead of a due date.
     */
    static final int LEAD_DAYS = 60;

    private final PaymentPlans plans;

    DunningInstalments(PaymentPlans plans) {
        this.plans = plans;
    }

    @Override
    public List<Instalment> openInstalments(LocalDate asOf) {
        return plans.openInstalments(asOf.plusDays(LEAD_DAYS)).stream()
                .map(i -> new Instalment(i.id(), i.planId(), i.debtorId(), i.firstInvoiceId(), i.dueDate(), i.open(),
                        "#" + i.number()))
                .toList();
    }

    @Override
    public Set<UUID> invoicesUnderPlan() {
        return plans.invoicesUnderActivePlans();
    }
}
