package io.creditflow.dunning.run;

import io.creditflow.dunning.DunningSettings;
import io.creditflow.dunning.FlowDefinition;
import io.creditflow.dunning.ActionType;
import io.creditflow.messaging.Tone;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A template rendered with a real debtor's open invoices, exactly as a run would compose it (nothing is sent or
 * stored): what the console's template preview shows.
 */
@Component
public class Previews {

    private final DSLContext dsl;
    private final RunExecutor loader;
    private final MessageComposer composer;

    Previews(DSLContext dsl, RunExecutor loader, MessageComposer composer) {
        this.dsl = dsl;
        this.loader = loader;
        this.composer = composer;
    }

    public record Preview(String channel, String subject, String html, String text) {
    }

    @Transactional(readOnly = true)
    public List<Preview> preview(UUID debtorId, String templateKey, String language, Tone tone, boolean legal,
                                 DunningSettings settings, LocalDate day) {
        Facts.Debtor found = loader.debtors(List.of(debtorId)).get(debtorId);
        if (found == null) {
            throw new io.creditflow.platform.NotFoundException("Debtor", debtorId);
        }
        Facts.Debtor debtor = new Facts.Debtor(found.id(), found.externalId(), found.type(), language,
                found.preferredChannel(), found.profile());
        List<UUID> invoiceIds = dsl.resultQuery("select id from invoice where debtor_id = {0} and status in "
                + "('OPEN', 'PARTIALLY_PAID') and kind = 'INVOICE' order by due_date limit 20", debtorId)
                .fetch(r -> r.get(0, UUID.class));
        Map<UUID, Facts.Invoice> invoices = loader.invoices(invoiceIds);
        List<Facts.PlannedAction> actions = new ArrayList<>();
        List<FlowDefinition.Action> acts = List.of(new FlowDefinition.Action(ActionType.EMAIL, templateKey, tone),
                new FlowDefinition.Action(ActionType.SMS, templateKey, tone));
        for (UUID id : invoiceIds) {
            actions.add(new Facts.PlannedAction(UUID.randomUUID(), id, "INVOICE", id, debtorId, UUID.randomUUID(),
                    "preview", tone, "preview", "Preview", 1, day, legal, acts));
        }
        if (actions.isEmpty()) {
            return List.of();
        }
        return composer.compose(debtor, actions, invoices, settings, day, false).drafts().stream()
                .map(d -> new Preview(d.message().channel().name(), d.message().subject(),
                        String.valueOf(d.message().html()), d.message().text())).toList();
    }
}
