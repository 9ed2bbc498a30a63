package io.creditflow.privacy.documents;

import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A plain A4 document built from headings, paragraphs and tables, rendered to PDF (flying-saucer on OpenPDF). Values
 * are escaped as they are added, so data can never become markup. Nested data (lists, maps) is rendered as nested
 * tables, so any JSON-shaped export can be printed without a template per section.
 */
public final class PdfDocument {

    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final String language;
    private final String footer;

    public PdfDocument(String title, String language, String footer) {
        this.title = title;
        this.language = language;
        this.footer = footer;
        body.append("<h1>").append(esc(title)).append("</h1>");
    }

    public PdfDocument heading(String text) {
        body.append("<h2>").append(esc(text)).append("</h2>");
        return this;
    }

    public PdfDocument subheading(String text) {
        body.append("<h3>").append(esc(text)).append("</h3>");
        return this;
    }

    public PdfDocument paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>");
        return this;
    }

    public PdfDocument muted(String text) {
        body.append("<p class=\"muted\">").append(esc(text)).append("</p>");
        return this;
    }

    /** Label-value rows. */
    public PdfDocument facts(Map<String, ?> rows) {
        body.append("<table class=\"facts\">");
        rows.forEach((k, v) -> body.append("<tr><th>").append(esc(k)).append("</th><td>").append(value(v))
                .append("</td></tr>"));
        body.append("</table>");
        return this;
    }

    /** A table with a header row; each row is a list of cells (any JSON-shaped value). */
    public PdfDocument table(List<String> header, List<? extends List<?>> rows) {
        body.append("<table class=\"grid\"><tr>");
        header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr>");
        for (List<?> row : rows) {
            body.append("<tr>");
            row.forEach(cell -> body.append("<td>").append(value(cell)).append("</td>"));
            body.append("</tr>");
        }
        body.append("</table>");
        return this;
    }

    /** Renders any JSON-shaped value (maps as label-value tables, lists item by item). */
    public PdfDocument data(Object value) {
        body.append(value(value));
        return this;
    }

    public byte[] toPdf() {
        String xhtml = """
                <html lang="%s"><head><title>%s</title><style>
                @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                        @bottom-left { content: "%s"; font-size: 7pt; color: #555; }
                        @bottom-right { content: counter(page) " / " counter(pages); font-size: 7pt; color: #555; } }
                body { font-family: Helvetica, Arial, sans-serif; font-size: 9pt; line-height: 1.3; color: #000; }
                h1 { font-size: 15pt; margin: 0 0 4mm 0; }
                h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; border-bottom: 0.5pt solid #333; }
                h3 { font-size: 10pt; margin: 4mm 0 1.5mm 0; }
                p { margin: 0 0 2mm 0; }
                .muted { color: #555; }
                table { width: 100%%; border-collapse: collapse; margin: 1mm 0 3mm 0; -fs-table-paginate: paginate; }
                th, td { text-align: left; vertical-align: top; padding: 0.8mm 1.2mm; border-bottom: 0.3pt solid #bbb; }
                table.facts th { width: 32%%; color: #333; font-weight: normal; }
                table.grid th { font-weight: bold; background: #eee; }
                td table { margin: 0; }
                .empty { color: #777; font-style: italic; }
                </style></head><body>%s</body></html>""".formatted(esc(language), esc(title),
                esc(footer.replace("\"", "'").replace("\\", "")), body);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ITextRenderer renderer = new ITextRenderer();
            renderer.setDocument(parse(xhtml), null);
            renderer.layout();
            renderer.createPDF(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot render the PDF: " + e.getMessage(), e);
        }
    }

    private static String value(Object v) {
        if (v == null) {
            return "<span class=\"empty\">-</span>";
        }
        if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "<span class=\"empty\">-</span>";
            }
            StringBuilder s = new StringBuilder("<table class=\"facts\">");
            map.forEach((k, x) -> s.append("<tr><th>").append(esc(String.valueOf(k))).append("</th><td>")
                    .append(value(x)).append("</td></tr>"));
            return s.append("</table>").toString();
        }
        if (v instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return "<span class=\"empty\">-</span>";
            }
            if (list.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof Collection))) {
                return esc(String.join(", ", list.stream().map(String::valueOf).toList()));
            }
            StringBuilder s = new StringBuilder();
            list.forEach(x -> s.append(value(x)));
            return s.toString();
        }
        return esc(String.valueOf(v));
    }

    static String esc(String s) {
        // characters XML 1.0 forbids would make the document unparsable: replace them
        String clean = s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
        return HtmlUtils.htmlEscape(clean, "UTF-8");
    }

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }
}
