package io.creditflow.dunning.run;

import io.creditflow.dunning.FlowDefinition;
import io.creditflow.messaging.Tone;
import io.creditflow.receivables.DebtorProfile;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the executor works with: claimed actions, their debtors and invoices as read in the run's transaction. */
public final class Facts {

    private Facts() {
    }

    public record PlannedAction(UUID id, UUID itemId, String itemKind, UUID invoiceId, UUID debtorId, UUID flowId,
                                String flowKey, @Nullable Tone flowTone, String stepKey, String stepLabel, int seq,
                                LocalDate date, boolean legal, List<FlowDefinition.Action> actions) {

        public FlowDefinition.@Nullable Action action(io.creditflow.dunning.ActionType type) {
            return actions.stream().filter(a -> a.type() == type).findFirst().orElse(null);
        }
    }

    public record Debtor(UUID id, String externalId, String type, String language, String preferredChannel,
                         @Nullable DebtorProfile profile) {
        public boolean consumer() {
            return "CONSUMER".equals(type);
        }
    }

    public record Invoice(UUID id, String number, LocalDate issueDate, LocalDate dueDate, String currency,
                          BigDecimal amount, BigDecimal openPrincipal, BigDecimal openCosts, BigDecimal openInterest,
                          String paymentReference, String status) {
        public BigDecimal open() {
            return openPrincipal.add(openCosts).add(openInterest);
        }
    }
}
