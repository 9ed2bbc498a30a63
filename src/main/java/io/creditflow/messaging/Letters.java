package io.creditflow.messaging;

import io.creditflow.messaging.OutboundMessage.Letterhead;
import org.openpdf.text.pdf.PdfReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Letters as print-ready PDF (A4, flying-saucer on OpenPDF), laid out for a window envelope.
 * <p>
 * The address block sits {@value #DEFAULT_ADDRESS_LEFT_MM} mm from the left edge and {@value #DEFAULT_ADDRESS_TOP_MM}
 * mm from the top of the sheet, 85 mm wide and 40 mm high, with the return line just above it. That is the field the
 * Dutch letter-layout norm (NEN 1026) and the common Dutch window envelopes for an A4 sheet folded in three (EA5/6
 * and C5/6 "venstercomplexenvelop", window about 90-100 x 40-45 mm, 15-22 mm from the left, 45-55 mm from the top)
 * have in common; German DIN 5008 form B (45 mm from the top) also shows the address through these windows. Both
 * numbers are configurable ({@code creditflow.messaging.letters.address-left-mm} and {@code -top-mm}) for a print
 * shop whose envelopes differ. Content starts below the window (about 100 mm from the top) so no text shows through
 * it; following pages use ordinary margins. Every page has the creditor's footer and "page n of m".
 */
@Component
public class Letters {

    public static final String DOCUMENT_PLACE = "outbox/document";
    static final int DEFAULT_ADDRESS_LEFT_MM = 20;
    static final int DEFAULT_ADDRESS_TOP_MM = 50;

    private final int addressLeftMm;
    private final int addressTopMm;

    Letters(@Value("${creditflow.messaging.letters.address-left-mm:" + DEFAULT_ADDRESS_LEFT_MM + "}") int addressLeftMm,
            @Value("${creditflow.messaging.letters.address-top-mm:" + DEFAULT_ADDRESS_TOP_MM + "}") int addressTopMm) {
        this.addressLeftMm = addressLeftMm;
        this.addressTopMm = addressTopMm;
    }

    /** A rendered letter. */
    public record Pdf(byte[] bytes, int pages) {
    }

    /**
     * Renders one letter.
     *
     * @param bodyXhtml the letter's body: an XHTML fragment (well-formed, as the templates produce it)
     */
    public Pdf render(PostalAddress to, Letterhead from, String title, String bodyXhtml, String language,
                      LocalDate date) {
        String xhtml = document(to, from, title, bodyXhtml, language, date);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ITextRenderer renderer = new ITextRenderer();
            renderer.setDocument(parse(xhtml), null);
            renderer.layout();
            renderer.createPDF(out);
            byte[] pdf = out.toByteArray();
            return new Pdf(pdf, pages(pdf));
        } catch (IOException | org.openpdf.text.DocumentException e) {
            throw new IllegalStateException("cannot render the letter: " + e.getMessage(), e);
        }
    }

    /** Checks that a template body is well-formed XHTML (what flying-saucer needs); the message names the problem. */
    public static void checkFragment(String bodyXhtml) {
        parse("<html><body>" + sanitise(bodyXhtml) + "</body></html>");
    }

    public static int pages(byte[] pdf) {
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                return reader.getNumberOfPages();
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String document(PostalAddress to, Letterhead from, String title, String body, String language,
                            LocalDate date) {
        StringBuilder address = new StringBuilder();
        for (String line : to.lines(from.country())) {
            address.append("<div>").append(esc(line)).append("</div>");
        }
        StringBuilder head = new StringBuilder("<div class=\"sender-name\">").append(esc(from.name())).append("</div>");
        from.lines().forEach(l -> head.append("<div>").append(esc(l)).append("</div>"));
        StringBuilder footer = new StringBuilder();
        from.footer().forEach(l -> footer.append("<span>").append(esc(l)).append("</span> "));
        String dateText = date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language)));
        BigDecimal windowTop = BigDecimal.valueOf(addressTopMm - 15L);
        return """
                <html lang="%s"><head><title>%s</title><style>
                @page { size: A4; margin: 15mm 20mm 25mm 20mm;
                        @bottom-center { content: element(footer); }
                        @bottom-right { content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #555; } }
                body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #000; }
                .letterhead { position: absolute; top: 0; right: 0; width: 70mm; text-align: right; font-size: 8.5pt; }
                .sender-name { font-size: 12pt; font-weight: bold; margin-bottom: 2mm; }
                .return-line { position: absolute; top: %smm; left: %smm; width: 85mm; font-size: 6.5pt;
                               border-bottom: 0.3pt solid #000; }
                .address { position: absolute; top: %smm; left: %smm; width: 85mm; height: 40mm; font-size: 10pt; }
                .below-window { padding-top: 85mm; }
                .date { margin-bottom: 6mm; }
                h1 { font-size: 12pt; margin: 0 0 5mm 0; }
                table { width: 100%%; border-collapse: collapse; margin: 3mm 0; }
                th, td { text-align: left; padding: 1mm 1.5mm; border-bottom: 0.3pt solid #999; font-size: 9pt; }
                .num { text-align: right; }
                .total td { font-weight: bold; border-bottom: 0; }
                .legal { border: 0.6pt solid #000; padding: 2.5mm; margin: 4mm 0; }
                .footer { position: running(footer); font-size: 7.5pt; color: #555; text-align: center; }
                </style></head><body>
                <div class="footer">%s</div>
                <div class="letterhead">%s</div>
                <div class="return-line">%s</div>
                <div class="address">%s</div>
                <div class="below-window">
                <div class="date">%s</div>
                <h1>%s</h1>
                %s
                </div></body></html>""".formatted(esc(language), esc(title), footer, head,
                windowTop.subtract(BigDecimal.valueOf(5)), addressLeftMm - 20, esc(from.returnLine()), windowTop,
                addressLeftMm - 20, address, esc(dateText), esc(title), sanitise(body));
    }

    /** HTML habits that are not XML: named entities XML lacks, void elements without a slash. */
    static String sanitise(String html) {
        return html.replace("&nbsp;", "&#160;").replace("&euro;", "&#8364;")
                .replaceAll("<br\\s*>", "<br/>").replaceAll("<hr\\s*>", "<hr/>");
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("the letter is not well-formed XHTML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8").replace("&nbsp;", "&#160;");
    }
}
