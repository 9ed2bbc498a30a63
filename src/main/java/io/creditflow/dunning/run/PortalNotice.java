package io.creditflow.dunning.run;

import org.springframework.web.util.HtmlUtils;

/**
 * The paragraph that brings a debtor to the portal, added to every dunning message whose template does not place the
 * portal values itself: e-mails get the signed link, letters the address to type and the short code (a link cannot
 * be clicked on paper), SMS the address and the code (the signed link would double the message's length).
 */
public final class PortalNotice {

    private PortalNotice() {
    }

    /** The e-mail paragraph with the signed link (for {@link io.creditflow.dunning.PortalAccess#emailParagraph}). */
    public static String emailHtml(String lang, String link) {
        String text = switch (lang) {
            case "en" -> "See your invoices, pay, arrange a payment plan or send us a message online:";
            case "de" -> "Rechnungen ansehen, bezahlen, Ratenzahlung vereinbaren oder uns schreiben:";
            case "fr" -> "Consultez vos factures, payez, proposez un échéancier ou écrivez-nous en ligne :";
            default -> "Bekijk uw facturen, betaal, vraag een betalingsregeling aan of stuur ons een bericht:";
        };
        return "<p class=\"portal\">" + e(text) + " <a href=\"" + e(link) + "\">" + e(linkLabel(lang)) + "</a></p>";
    }

    static String letterHtml(String lang, String codeUrl, String code) {
        String text = switch (lang) {
            case "en" -> "See your invoices, pay or arrange a payment plan online: go to " + codeUrl + " and enter code "
                    + code + " with your postcode or an invoice number.";
            case "de" -> "Rechnungen online ansehen, bezahlen oder Ratenzahlung vereinbaren: gehen Sie auf " + codeUrl
                    + " und geben Sie den Code " + code + " mit Ihrer Postleitzahl oder einer Rechnungsnummer ein.";
            case "fr" -> "Consultez vos factures, payez ou proposez un échéancier en ligne : rendez-vous sur " + codeUrl
                    + " et saisissez le code " + code + " avec votre code postal ou un numéro de facture.";
            default -> "Bekijk uw facturen, betaal of vraag een betalingsregeling aan via " + codeUrl + " met code "
                    + code + " en uw postcode of een factuurnummer.";
        };
        return "<p class=\"portal\">" + e(text) + "</p>";
    }

    static String sms(String lang, String codeUrl, String code) {
        return switch (lang) {
            case "en", "de", "fr" -> " Online: " + codeUrl + " code " + code;
            default -> " Online: " + codeUrl + " code " + code;
        };
    }

    private static String linkLabel(String lang) {
        return switch (lang) {
            case "en" -> "open my customer portal";
            case "de" -> "Kundenportal öffnen";
            case "fr" -> "ouvrir mon portail client";
            default -> "naar mijn klantportaal";
        };
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
