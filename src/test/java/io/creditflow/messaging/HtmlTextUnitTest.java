package io.creditflow.messaging;

import io.creditflow.messaging.templates.HtmlText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain text of an HTML body is exactly what the original pass-by-pass conversion (kept here as the reference)
 * gives: on every shipped template and on seeded random markup with upper-case tags, attributes, links, entities,
 * stray angle brackets and empty tags, which take the one-pass path or the fallback.
 */
class HtmlTextUnitTest {

    private static final String[] FRAGMENTS = {
        "<p>", "</p>", "<P class=\"x\">", "</P>", "<div>", "</div>", "<h2>", "</H2>", "<table class=\"invoices\">",
        "</table>", "<tr>", "</tr>", "</TR>", "<td>", "</td>", "<th class=\"num\">", "</th>", "<br>", "<br/>",
        "<BR />", "<br\n/>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "<LI class=\"a\">", "</li>", "<link rel=x>",
        "<a href=\"https://pay.example/x?a=1&amp;b=2\">Betaal</a>", "<a href=\"https://p.example/\">https://p.example/</a>",
        "<A HREF=\"u\">\n<b>bold</b></A>", "<a name=\"x\">no href</a>", "<strong>", "</strong>", "<span>", "</span>",
        "<>", "<", ">", " < ", "a > b", "&amp;", "&lt;b&gt;", "&euro; 1.234,56", "&nbsp;", "\u00a0", " ", "  ",
        "\n", "\n\n\n", "\t", "\r\n", "\f", "\u000B", " \n ", "\t\n", "\n \n", "  \n\n  \n", " \u00a0\t ",
        "Geachte heer De Jong,", "€ 12,50", "text", "Factuur 2026-0001",
    };

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameAsPassByPassOnRandomMarkup(long seed) {
        Random random = new Random(seed);
        StringBuilder html = new StringBuilder();
        int n = 1 + random.nextInt(60);
        boolean stray = random.nextInt(4) == 0;
        for (int i = 0; i < n; i++) {
            String f = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
            if (!stray && (f.equals("<") || f.equals(" < "))) {
                continue;
            }
            html.append(f);
        }
        assertThat(HtmlText.of(html.toString())).isEqualTo(reference(html.toString()));
    }

    @Test
    void sameAsPassByPassOnEveryShippedTemplate() {
        List<String> bodies = new ArrayList<>();
        MessageTemplates templates = new MessageTemplates(null, null);
        templates.definitions().forEach(d -> d.variants().forEach(v -> bodies.add(v.html())));
        assertThat(bodies).isNotEmpty();
        for (String body : bodies) {
            assertThat(HtmlText.of(body)).isEqualTo(reference(body));
        }
    }

    @Test
    void writesTablesListsAndLinksAsText() {
        String html = "<p>Dear Ms Smith,</p><table><tr><th>Invoice</th><th>Open</th></tr><tr><td>F-1</td>"
                + "<td>&euro;&nbsp;10,00</td></tr></table><ul><li>one</li><li>two</li></ul>"
                + "<p><a href=\"https://pay.example/l\">Pay</a></p>";
        assertThat(HtmlText.of(html)).isEqualTo(
                "Dear Ms Smith,\n\nInvoice Open\nF-1 € 10,00\n\n- one\n- two\n\nPay (https://pay.example/l)\n");
    }

    /** The conversion as it was before the tags were replaced in one pass. */
    private static String reference(String html) {
        String s = Pattern.compile("\\s*\\n\\s*").matcher(html).replaceAll(" ");
        s = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(s).replaceAll(m -> m.group(2).equals(m.group(1)) ? "$2" : "$2 ($1)");
        s = Pattern.compile("(?i)<br\\s*/?>").matcher(s).replaceAll("\n");
        s = Pattern.compile("(?i)</(p|div|h[1-6]|table|ul|ol)>").matcher(s).replaceAll("\n\n");
        s = Pattern.compile("(?i)<li[^>]*>").matcher(s).replaceAll("- ");
        s = Pattern.compile("(?i)</li>").matcher(s).replaceAll("\n");
        s = Pattern.compile("(?i)</tr>").matcher(s).replaceAll("\n");
        s = Pattern.compile("(?i)</t[dh]>").matcher(s).replaceAll("  ");
        s = Pattern.compile("<[^>]+>").matcher(s).replaceAll("");
        s = HtmlUtils.htmlUnescape(s);
        s = Pattern.compile("[ \\t\\x{00A0}]+").matcher(s).replaceAll(" ");
        s = Pattern.compile(" *\\n *").matcher(s).replaceAll("\n");
        s = Pattern.compile("\\n{3,}").matcher(s).replaceAll("\n\n");
        return s.strip() + "\n";
    }
}
