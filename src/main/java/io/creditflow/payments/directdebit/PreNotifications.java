package io.creditflow.payments.directdebit;

import io.creditflow.dunning.PortalAccess;
import io.creditflow.messaging.MessageTemplates;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.Tone;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.Debtors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.INVOICE;

/**
 * Sends each debtor of a new collection its pre-notification through the messaging outbox, in the same transaction
 * that makes the collection (the outbox's dedupe key makes a retry harmless): what will be collected, when, under
 * which mandate and creditor id, and, like every message to a debtor, the signed portal link. A debtor without an e-mail address is left unnotified and shows so in the console.
 */
@Component
class PreNotifications {

    static final String TEMPLATE = "payments.dd-pre-notification";

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final Debtors debtors;
    private final DSLContext dsl;
    private final PortalAccess portal;

    PreNotifications(Outbox outbox, MessageTemplates templates, Debtors debtors, DSLContext dsl, PortalAccess portal) {
        this.outbox = outbox;
        this.templates = templates;
        this.debtors = debtors;
        this.dsl = dsl;
        this.portal = portal;
    }

    /** Enqueues the notices; returns the debtors that were notified. */
    List<UUID> send(UUID collectionId, List<DirectDebitCollections.Notice> notices, PaymentSettings settings) {
        List<OutboundMessage> messages = new ArrayList<>();
        List<UUID> notified = new ArrayList<>();
        for (DirectDebitCollections.Notice notice : notices) {
            Debtor debtor = debtors.get(notice.debtorId());
            if (debtor.profile() == null || debtor.profile().email() == null) {
                continue;
            }
            String language = debtor.language();
            Tone tone = debtor.type().name().equals("BUSINESS") ? Tone.FORMAL : Tone.INFORMAL;
            Map<String, Object> model = model(notice, debtor, settings, language);
            model.put("portalLink", portal.linkFor(notice.debtorId()).toString());
            var rendered = templates.render(TEMPLATE, language, tone, model);
            // like dunning's e-mails: the way to the portal, where the template does not place it itself
            String html = rendered.html().contains("/portal/") ? rendered.html()
                    : rendered.html() + portal.emailParagraph(notice.debtorId(), language);
            messages.add(OutboundMessage.email(notice.debtorId(), "payments", collectionId.toString(),
                    "dd-pre-notification:" + collectionId + ":" + notice.debtorId(), language,
                    debtor.profile().email(), rendered.subject(), html, MessageTemplates.textOf(html), List.of()));
            notified.add(notice.debtorId());
        }
        outbox.enqueueAll(messages);
        return notified;
    }

    private Map<String, Object> model(DirectDebitCollections.Notice notice, Debtor debtor, PaymentSettings settings,
                                      String language) {
        Locale locale = Locale.forLanguageTag(language);
        return new HashMap<>(Map.of("greeting", greeting(language, debtor.displayName()),
                "amount", "EUR " + notice.amount().setScale(2).toPlainString(),
                "collectionDate", notice.collectionDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale)),
                "mandateReference", notice.mandateReference(),
                "multiple", notice.invoiceIds().size() > 1,
                "invoiceTable", table(notice.invoiceIds()),
                "creditor", Map.of("name", String.valueOf(settings.creditorName()), "id",
                        String.valueOf(settings.creditorId()))));
    }

    private String table(List<UUID> invoiceIds) {
        StringBuilder html = new StringBuilder("<table>");
        dsl.select(INVOICE.NUMBER, INVOICE.DUE_DATE, INVOICE.OPEN_PRINCIPAL.plus(INVOICE.OPEN_COSTS)
                        .plus(INVOICE.OPEN_INTEREST)).from(INVOICE).where(INVOICE.ID.in(invoiceIds))
                .orderBy(INVOICE.DUE_DATE).forEach(r -> html.append("<tr><td>").append(HtmlUtils.htmlEscape(r.value1()))
                        .append("</td><td>").append(r.value2()).append("</td><td>EUR ")
                        .append(((BigDecimal) r.value3()).setScale(2).toPlainString()).append("</td></tr>"));
        return html.append("</table>").toString();
    }

    private static String greeting(String language, String name) {
        return switch (language) {
            case "nl" -> "Geachte " + name + ",";
            case "de" -> "Guten Tag " + name + ",";
            case "fr" -> "Bonjour " + name + ",";
            default -> "Dear " + name + ",";
        };
    }
}
