package io.creditflow.portal;

import io.creditflow.messaging.Letters;
import io.creditflow.messaging.OutboundMessage;
import io.creditflow.messaging.PostalAddress;
import io.creditflow.platform.TenantContext;
import io.creditflow.receivables.Address;
import io.creditflow.receivables.DebtorProfile;
import io.creditflow.receivables.Debtors;
import io.creditflow.tenancy.Tenants;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An invoice as a PDF for the debtor. Creditflow stores no PDF of an invoice (it receives the invoice as data: API,
 * CSV, UBL), so the portal renders one from the invoice, its lines and its ledger, on the messaging module's letter
 * layout (address window, creditor's name, page numbers). It says it is a copy made from the ledger.
 */
@Component
public class PortalInvoicePdf {

    private final Letters letters;
    private final Debtors debtors;
    private final Tenants tenants;
    private final PortalSettingsStore settings;
    private final MessageSource messages;
    private final Clock clock;

    PortalInvoicePdf(Letters letters, Debtors debtors, Tenants tenants, PortalSettingsStore settings,
                     MessageSource messages, Clock clock) {
        this.letters = letters;
        this.debtors = debtors;
        this.tenants = tenants;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    public byte[] render(PortalStatements.Detail d, UUID debtorId, Locale locale) {
        String creditor = creditorName();
        DebtorProfile p = debtors.get(debtorId).profile();
        Address a = p == null ? null : p.billingAddress();
        PostalAddress to = new PostalAddress(p == null ? "" : p.name(), null,
                a == null ? "" : (a.street() == null ? "" : a.street()) + (a.houseNumber() == null ? "" : " " + a.houseNumber()),
                a == null || a.postcode() == null ? "" : a.postcode(), a == null || a.city() == null ? "" : a.city(),
                a == null || a.country() == null ? "NL" : a.country());
        var head = new OutboundMessage.Letterhead(creditor, List.of(), creditor, List.of(t("portal.pdf.copy", locale)),
                "NL");
        var inv = d.invoice();
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"facts\">");
        fact(b, t("portal.invoice.number", locale), inv.number());
        fact(b, t("portal.invoice.issueDate", locale), inv.issueDate().toString());
        fact(b, t("portal.invoice.dueDate", locale), inv.dueDate().toString());
        fact(b, t("portal.invoice.reference", locale), d.paymentReference());
        b.append("</table>");
        if (!d.items().isEmpty()) {
            b.append("<table class=\"invoices\"><thead><tr><th>").append(e(t("portal.invoice.item", locale)))
                    .append("</th><th class=\"num\">").append(e(t("portal.invoice.amount", locale)))
                    .append("</th></tr></thead><tbody>");
            d.items().forEach(l -> b.append("<tr><td>").append(e(l.description())).append("</td><td class=\"num\">")
                    .append(money(l.amount(), inv.currency())).append("</td></tr>"));
            b.append("</tbody></table>");
        }
        b.append("<table class=\"invoices\"><thead><tr><th>").append(e(t("portal.ledger.what", locale)))
                .append("</th><th>").append(e(t("portal.ledger.date", locale))).append("</th><th class=\"num\">")
                .append(e(t("portal.invoice.amount", locale))).append("</th></tr></thead><tbody>");
        for (var l : d.lines()) {
            b.append("<tr><td>").append(e(t("portal.ledger.kind." + l.kind(), locale))).append("</td><td>")
                    .append(l.date()).append("</td><td class=\"num\">").append(money(l.total(), inv.currency()))
                    .append("</td></tr>");
        }
        b.append("<tr class=\"total\"><td colspan=\"2\">").append(e(t("portal.invoice.open", locale)))
                .append("</td><td class=\"num\">").append(money(inv.open(), inv.currency())).append("</td></tr>");
        b.append("</tbody></table>");
        String title = t("portal.invoice.title", locale) + " " + inv.number();
        return letters.render(to, head, title, b.toString(), locale.getLanguage(), LocalDate.now(clock)).bytes();
    }

    String creditorName() {
        String name = settings.current().displayName();
        return name != null ? name : tenants.find(TenantContext.require()).name();
    }

    private static void fact(StringBuilder b, String label, String value) {
        b.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>");
    }

    private static String money(BigDecimal amount, String currency) {
        return e(currency + " " + amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
