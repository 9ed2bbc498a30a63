package io.creditflow.collection;

import io.creditflow.dunning.DunningSettings;
import io.creditflow.messaging.MessageTemplates;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.Outbox;
import io.creditflow.messaging.PostalAddress;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.Debtor;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.DebtorType;
import io.creditflow.receivables.Invoice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stage's message to the debtor, in the debtor's language and the tenant's tone: by e-mail when the debtor has
 * an address, else by letter. Enqueued in the stage's transaction with a dedupe key per case and stage, so a stage
 * never sends twice. A debtor whose personal data was erased gets nothing (and the stage history says so).
 */
@Component
class CaseMessages {

    private final MessageTemplates templates;
    private final Outbox outbox;

    CaseMessages(MessageTemplates templates, Outbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    record Sent(@Nullable UUID messageId, String note) {
    }

    Sent send(CollectionCases.CaseView c, Stage stage, Debtor debtor, List<Invoice> invoices, DunningSettings s) {
        DebtorProfile p = debtor.profile();
        List<Invoice> open = invoices.stream().filter(i -> i.openAmount().signum() > 0).toList();
        if (p == null) {
            return new Sent(null, "debtor erased: no message");
        }
        if (open.isEmpty()) {
            return new Sent(null, "nothing open: no message");
        }
        String lang = MessageTemplates.LANGUAGES.contains(debtor.language()) ? debtor.language() : "nl";
        MessageTemplates.Rendered r = templates.render(stage.template(), lang, s.defaultTone(),
                model(c, debtor, p, open, s, lang));
        String key = "collection:" + c.id() + ":" + stage.name();
        String ref = c.id().toString();
        PostalAddress address = address(p);
        OutboundMessage m;
        if (p.email() != null) {
            m = OutboundMessage.email(debtor.id(), "collection", ref, key, lang, p.email(), r.subject(), r.html(),
                    r.text(), List.of());
            if (address != null && stage.ordinal() >= Stage.NOTICE_OF_DEFAULT.ordinal()) {
                m = m.withLetterPdf(address, letterhead(s));
            }
        } else if (address != null) {
            m = OutboundMessage.letter(debtor.id(), "collection", ref, key, lang, address, letterhead(s), r.subject(),
                    r.html());
        } else {
            return new Sent(null, "no e-mail or postal address: no message");
        }
        return new Sent(outbox.enqueue(m), "message queued (" + m.channel().name().toLowerCase() + ")");
    }

    private static Map<String, Object> model(CollectionCases.CaseView c, Debtor debtor, DebtorProfile p,
                                             List<Invoice> open, DunningSettings s, String lang) {
        Map<String, Object> m = new HashMap<>();
        boolean consumer = debtor.type() == DebtorType.CONSUMER;
        m.put("greeting", greeting(p, consumer, lang));
        BigDecimal total = open.stream().map(Invoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder table = new StringBuilder("<table class=\"invoices\"><tbody>");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Invoice i : open) {
            table.append("<tr><td>").append(e(i.number())).append("</td><td>").append(e(i.dueDate().toString()))
                    .append("</td><td>").append(e(money(i.openAmount(), lang))).append("</td></tr>");
            rows.add(Map.of("number", i.number(), "open", money(i.openAmount(), lang)));
        }
        table.append("<tr><td>").append(e(label(lang))).append("</td><td></td><td>").append(e(money(total, lang)))
                .append("</td></tr></tbody></table>");
        m.put("invoiceTable", table.toString());
        m.put("invoices", rows);
        m.put("total", money(total, lang));
        m.put("multiple", open.size() > 1);
        m.put("count", open.size());
        m.put("caseReference", c.reference());
        m.put("consumer", consumer);
        Map<String, Object> creditor = new HashMap<>();
        creditor.put("name", s.creditorName());
        creditor.put("iban", s.iban() == null ? "" : s.iban());
        creditor.put("email", s.email() == null ? "" : s.email());
        creditor.put("phone", s.phone() == null ? "" : s.phone());
        m.put("creditor", creditor);
        m.put("payment", Map.of("reference", open.getFirst().paymentReference(), "amount", money(total, lang)));
        return m;
    }

    private static String label(String lang) {
        return switch (lang) {
            case "nl" -> "Totaal";
            case "de" -> "Gesamt";
            case "fr" -> "Total";
            default -> "Total";
        };
    }

    static String greeting(DebtorProfile p, boolean consumer, String lang) {
        String name = consumer || p.contactPerson() == null ? p.name() : p.contactPerson();
        return switch (lang) {
            case "nl" -> "Geachte " + name + ",";
            case "de" -> "Sehr geehrte(r) " + name + ",";
            case "fr" -> "Madame, Monsieur " + name + ",";
            default -> "Dear " + name + ",";
        };
    }

    static String money(BigDecimal amount, String lang) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl".equals(lang) || "de".equals(lang)
                ? "nl-NL" : "fr".equals(lang) ? "fr-FR" : "en-IE"));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return "€ " + f.format(amount);
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s);
    }

    static @Nullable PostalAddress address(DebtorProfile p) {
        Address a = p.billingAddress();
        if (a == null || a.street() == null || a.postcode() == null || a.city() == null) {
            return null;
        }
        return new PostalAddress(p.name(), p.contactPerson() == null ? null : "t.a.v. " + p.contactPerson(),
                a.street() + (a.houseNumber() == null ? "" : " " + a.houseNumber()), a.postcode(), a.city(),
                a.country() == null ? "NL" : a.country());
    }

    static OutboundMessage.Letterhead letterhead(DunningSettings s) {
        List<String> lines = new ArrayList<>(s.addressLines());
        Optional.ofNullable(s.phone()).ifPresent(lines::add);
        Optional.ofNullable(s.email()).ifPresent(lines::add);
        List<String> footer = new ArrayList<>();
        Optional.ofNullable(s.chamberOfCommerce()).ifPresent(k -> footer.add("KvK " + k));
        Optional.ofNullable(s.iban()).ifPresent(i -> footer.add("IBAN " + i));
        return new OutboundMessage.Letterhead(s.creditorName(), lines, s.creditorName() + ", "
                + String.join(", ", s.addressLines()), footer, s.country());
    }
}
