package io.creditflow.dunning.run;

import io.creditflow.law.CostsCalculation;
import io.creditflow.law.FourteenDayLetter;
import io.creditflow.law.LetterLanguage;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The legally required part of a 14-day letter, written by the application rather than left to templates, so a
 * tenant's wording cannot break it: the term counted from the day after delivery (the law module's sentence), the
 * exact collection-cost amount on the summed principal, the VAT declaration when VAT is added, and that the letter
 * itself costs nothing (art. 6:96 lid 6 BW; HR 2016:2704). Business debtors get the statement of the costs owed.
 */
final class LegalNotice {

    private LegalNotice() {
    }

    static String html(String language, boolean consumer, CostsCalculation costs, BigDecimal total, String currency) {
        String lang = language == null ? "nl" : language;
        String term = FourteenDayLetter.safeTermSentence(LetterLanguage.valueOf(lang.toUpperCase(Locale.ROOT)));
        String c = Formats.money(costs.costs(), "EUR", lang);
        String p = Formats.money(costs.principal(), "EUR", lang);
        String t = Formats.money(total, currency, lang);
        String vat = costs.vatUpliftApplied() ? vat(lang, Formats.money(costs.vat(), "EUR", lang)) : "";
        String text = consumer ? consumer(lang, term, t, c, p) : business(lang, c, p);
        return "<div class=\"legal\"><p>" + text + vat + "</p><p>" + free(lang) + "</p></div>";
    }

    private static String consumer(String lang, String term, String t, String c, String p) {
        return switch (lang) {
            case "en" -> "If you do not pay the total of " + t + " " + term + ", you will owe extrajudicial collection"
                    + " costs of " + c + " (calculated on the principal of " + p + " under the Dutch decree on"
                    + " extrajudicial collection costs), in addition to statutory interest.";
            case "de" -> "Wenn Sie den Gesamtbetrag von " + t + " nicht " + term + " bezahlen, schulden Sie"
                    + " außergerichtliche Inkassokosten in Höhe von " + c + " (berechnet auf die Hauptforderung von "
                    + p + " nach dem niederländischen Beschluss über außergerichtliche Inkassokosten) sowie die"
                    + " gesetzlichen Zinsen.";
            case "fr" -> "Si vous ne payez pas le montant total de " + t + " " + term + ", vous serez redevable de"
                    + " frais de recouvrement extrajudiciaires de " + c + " (calculés sur le principal de " + p
                    + " selon le décret néerlandais sur les frais de recouvrement extrajudiciaires), ainsi que des"
                    + " intérêts légaux.";
            default -> "Betaalt u het totaalbedrag van " + t + " niet " + term + ", dan bent u"
                    + " buitengerechtelijke incassokosten verschuldigd van " + c + " (berekend over de hoofdsom van "
                    + p + " volgens het Besluit vergoeding voor buitengerechtelijke incassokosten), naast de"
                    + " wettelijke rente.";
        };
    }

    private static String business(String lang, String c, String p) {
        return switch (lang) {
            case "en" -> "Under art. 6:96 of the Dutch Civil Code you owe collection costs of " + c
                    + " on the principal of " + p + ", in addition to the statutory commercial interest.";
            case "de" -> "Nach Art. 6:96 des niederländischen Bürgerlichen Gesetzbuchs schulden Sie Inkassokosten von "
                    + c + " auf die Hauptforderung von " + p + " sowie die gesetzlichen Handelszinsen.";
            case "fr" -> "En vertu de l'article 6:96 du Code civil néerlandais, vous êtes redevable de frais de"
                    + " recouvrement de " + c + " sur le principal de " + p + ", ainsi que des intérêts commerciaux"
                    + " légaux.";
            default -> "Op grond van artikel 6:96 BW bent u incassokosten verschuldigd van " + c + " over de hoofdsom"
                    + " van " + p + ", naast de wettelijke handelsrente.";
        };
    }

    private static String vat(String lang, String v) {
        return switch (lang) {
            case "en" -> " This amount includes " + v + " VAT: we have outsourced collection to a third party that"
                    + " charges us VAT, which we cannot deduct.";
            case "de" -> " Dieser Betrag enthält " + v + " Umsatzsteuer: Wir haben das Inkasso an einen Dritten"
                    + " vergeben, der uns Umsatzsteuer berechnet, die wir nicht abziehen können.";
            case "fr" -> " Ce montant comprend " + v + " de TVA : nous avons confié le recouvrement à un tiers qui"
                    + " nous facture la TVA, que nous ne pouvons pas déduire.";
            default -> " Dit bedrag is inclusief " + v + " btw: wij hebben de incasso uitbesteed aan een derde die"
                    + " ons btw in rekening brengt, die wij niet kunnen verrekenen.";
        };
    }

    private static String free(String lang) {
        return switch (lang) {
            case "en" -> "No costs are charged for this letter.";
            case "de" -> "Für dieses Schreiben werden keine Kosten berechnet.";
            case "fr" -> "Cette lettre ne vous est pas facturée.";
            default -> "Aan deze brief zijn geen kosten verbonden.";
        };
    }
}
