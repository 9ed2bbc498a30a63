package io.creditflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Payment plans as the dunning clock sees them: the payments module implements this. An invoice under an active plan
 * leaves the invoice clock (the plan replaces it); each open instalment runs its own clock from its own due date, with
 * the same flow as its debtor (a missed instalment gets reminders like an invoice). Until payments provides it,
 * {@link #NONE} applies: no plans.
 */
public interface PaymentPlanInstalments {

    /** An open instalment: its id is the dunning item id, so each step happens at most once per instalment. */
    record Instalment(UUID id, UUID planId, UUID debtorId, UUID firstInvoiceId, LocalDate dueDate,
                      BigDecimal openAmount, String label) {
    }

    /** Open instalments of the current tenant due on or before {@code asOf} plus the flow's largest offset. */
    List<Instalment> openInstalments(LocalDate asOf);

    /** Invoices covered by an active plan in the current tenant. */
    Set<UUID> invoicesUnderPlan();

    PaymentPlanInstalments NONE = new PaymentPlanInstalments() {
        @Override
        public List<Instalment> openInstalments(LocalDate asOf) {
            return List.of();
        }

        @Override
        public Set<UUID> invoicesUnderPlan() {
            return Set.of();
        }
    };
}
