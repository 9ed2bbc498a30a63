package io.creditflow.dunning.run;

import io.creditflow.dunning.DunningSettings;
import io.creditflow.messaging.Tone;
import io.creditflow.receivables.DebtorProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values a dunning template may use. Documented for template writers:
 * {@code greeting}, {@code debtorName}, {@code creditor.name|iban|bic|email|phone}, {@code invoices} (each
 * {@code number, issueDate, dueDate, daysOverdue, open, reference}), {@code invoiceTable} (HTML, use triple braces),
 * {@code count}, {@code multiple}, {@code total}, {@code oldestDueDate}, {@code payment.reference},
 * {@code payment.amount}, {@code payment.link} (an online pay link in e-mails when the payments module makes one; an
 * e-mail whose template does not place it gets it as a closing paragraph), {@code stepLabel}, {@code date},
 * {@code consumer}, {@code business}, {@code legal} (true on a 14-day letter; its legal paragraph is added by the
 * application), {@code portalLink} (the debtor's signed portal link), and on letters and SMS {@code portalCode} and
 * {@code portalCodeUrl} (the short code and where to type it); a template that does not use them gets the portal
 * paragraph added by the application.
 */
final class MessageModel {

    private MessageModel() {
    }

    static Map<String, Object> of(Facts.Debtor debtor, List<Facts.Invoice> invoices, Facts.PlannedAction lead,
                                  DunningSettings s, LocalDate day, Tone tone, MessageComposer.@Nullable Legal legal,
                                  String lang) {
        DebtorProfile p = debtor.profile();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("greeting", greeting(p, debtor.consumer(), tone, lang));
        m.put("debtorName", p == null ? "" : p.name());
        Map<String, Object> creditor = new LinkedHashMap<>();
        creditor.put("name", s.creditorName());
        creditor.put("iban", s.iban() == null ? "" : s.iban());
        creditor.put("bic", s.bic() == null ? "" : s.bic());
        creditor.put("email", s.email() == null ? "" : s.email());
        creditor.put("phone", s.phone() == null ? "" : s.phone());
        m.put("creditor", creditor);
        String currency = invoices.isEmpty() ? "EUR" : invoices.getFirst().currency();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Facts.Invoice i : invoices) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", i.number());
            row.put("issueDate", Formats.shortDate(i.issueDate(), lang));
            row.put("dueDate", Formats.shortDate(i.dueDate(), lang));
            row.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), day)));
            row.put("overdue", i.dueDate().isBefore(day));
            row.put("open", Formats.money(i.open(), i.currency(), lang));
            row.put("reference", i.paymentReference());
            rows.add(row);
        }
        m.put("invoices", rows);
        m.put("invoiceTable", table(invoices, lang, total(invoices), currency));
        m.put("count", invoices.size());
        m.put("multiple", invoices.size() > 1);
        m.put("total", Formats.money(total(invoices), currency, lang));
        m.put("oldestDueDate", invoices.isEmpty() ? "" : Formats.date(invoices.getFirst().dueDate(), lang));
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("reference", invoices.size() == 1 ? invoices.getFirst().paymentReference()
                : String.join(", ", invoices.stream().map(Facts.Invoice::number).toList()));
        payment.put("amount", Formats.money(total(invoices), currency, lang));
        payment.put("iban", s.iban() == null ? "" : s.iban());
        m.put("payment", payment);
        m.put("stepLabel", lead.stepLabel());
        m.put("date", Formats.date(day, lang));
        m.put("consumer", debtor.consumer());
        m.put("business", !debtor.consumer());
        m.put("legal", legal != null);
        return m;
    }

    static BigDecimal total(List<Facts.Invoice> invoices) {
        return invoices.stream().map(Facts.Invoice::open).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static String table(List<Facts.Invoice> invoices, String lang, BigDecimal total, String currency) {
        String[] h = switch (lang) {
            case "en" -> new String[] {"Invoice", "Invoice date", "Due date", "Open", "Total"};
            case "de" -> new String[] {"Rechnung", "Rechnungsdatum", "Fällig am", "Offen", "Gesamt"};
            case "fr" -> new String[] {"Facture", "Date", "Échéance", "Montant dû", "Total"};
            default -> new String[] {"Factuur", "Factuurdatum", "Vervaldatum", "Openstaand", "Totaal"};
        };
        StringBuilder t = new StringBuilder("<table class=\"invoices\"><thead><tr><th>").append(e(h[0]))
                .append("</th><th>").append(e(h[1])).append("</th><th>").append(e(h[2]))
                .append("</th><th class=\"num\">").append(e(h[3])).append("</th></tr></thead><tbody>");
        for (Facts.Invoice i : invoices) {
            t.append("<tr><td>").append(e(i.number())).append("</td><td>")
                    .append(e(Formats.shortDate(i.issueDate(), lang))).append("</td><td>")
                    .append(e(Formats.shortDate(i.dueDate(), lang))).append("</td><td class=\"num\">")
                    .append(e(Formats.money(i.open(), i.currency(), lang))).append("</td></tr>");
        }
        t.append("<tr class=\"total\"><td colspan=\"3\">").append(e(h[4])).append("</td><td class=\"num\">")
                .append(e(Formats.money(total, currency, lang))).append("</td></tr></tbody></table>");
        return t.toString();
    }

    /** "Geachte heer De Jong," / "Beste Jan," / "Dear Sir or Madam," ... from the profile's salutation and name. */
    static String greeting(@Nullable DebtorProfile p, boolean consumer, Tone tone, String lang) {
        String name = p == null ? "" : consumer ? p.name() : p.contactPerson() == null ? "" : p.contactPerson();
        String[] words = name.trim().split("\\s+");
        String first = words.length > 0 ? words[0] : "";
        String last = words.length > 1 ? capitalise(name.trim().substring(first.length()).trim()) : "";
        String sal = p == null || p.salutation() == null ? "" : p.salutation();
        boolean known = !last.isEmpty() && (sal.equals("MR") || sal.equals("MS"));
        boolean male = sal.equals("MR");
        if (tone == Tone.INFORMAL && !first.isEmpty()) {
            return switch (lang) {
                case "en" -> "Hi " + first + ",";
                case "de" -> "Hallo " + first + ",";
                case "fr" -> "Bonjour " + first + ",";
                default -> "Beste " + first + ",";
            };
        }
        return switch (lang) {
            case "en" -> known ? "Dear " + (male ? "Mr " : "Ms ") + last + "," : "Dear Sir or Madam,";
            case "de" -> known ? (male ? "Sehr geehrter Herr " : "Sehr geehrte Frau ") + last + ","
                    : "Sehr geehrte Damen und Herren,";
            case "fr" -> known ? (male ? "Monsieur " : "Madame ") + last + "," : "Madame, Monsieur,";
            default -> known ? "Geachte " + (male ? "heer " : "mevrouw ") + last + "," : "Geachte heer, mevrouw,";
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
