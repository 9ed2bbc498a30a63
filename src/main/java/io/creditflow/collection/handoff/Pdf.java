package io.creditflow.collection.handoff;

import org.springframework.web.util.HtmlUtils;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/** A plain A4 PDF of headings, facts and tables (flying-saucer on OpenPDF); values are escaped as they are added. */
final class Pdf {

    private final StringBuilder body = new StringBuilder();

    Pdf(String title) {
        body.append("<h1>").append(esc(title)).append("</h1>");
    }

    Pdf heading(String text) {
        body.append("<h2>").append(esc(text)).append("</h2>");
        return this;
    }

    Pdf paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>");
        return this;
    }

    Pdf facts(Map<String, ?> rows) {
        body.append("<table class=\"facts\">");
        rows.forEach((k, v) -> body.append("<tr><th>").append(esc(k)).append("</th><td>")
                .append(esc(v == null ? "-" : String.valueOf(v))).append("</td></tr>"));
        body.append("</table>");
        return this;
    }

    Pdf table(List<String> header, List<? extends List<?>> rows) {
        body.append("<table class=\"grid\"><tr>");
        header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr>");
        for (List<?> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(esc(c == null ? "-" : String.valueOf(c))).append("</td>"));
            body.append("</tr>");
        }
        return append("</table>");
    }

    private Pdf append(String s) {
        body.append(s);
        return this;
    }

    byte[] render() {
        String xhtml = """
                <html><head><style>
                @page { size: A4; margin: 16mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 7pt; } }
                body { font-family: Helvetica, Arial, sans-serif; font-size: 9pt; }
                h1 { font-size: 15pt; } h2 { font-size: 11pt; border-bottom: 0.5pt solid #333; margin-top: 5mm; }
                table { width: 100%%; border-collapse: collapse; margin-bottom: 3mm; }
                th, td { text-align: left; vertical-align: top; padding: 0.8mm; border-bottom: 0.3pt solid #bbb; }
                table.facts th { width: 30%%; font-weight: normal; }
                </style></head><body>%s</body></html>""".formatted(body);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            ITextRenderer renderer = new ITextRenderer();
            renderer.setDocument(factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml))), null);
            renderer.layout();
            renderer.createPDF(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot render the PDF: " + e.getMessage(), e);
        }
    }

    /** XML-safe escaping: only the markup characters; HTML's named entities (&euro;) are not XML and break parsing. */
    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
