package io.creditflow.messaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped template in all four languages and both tones: it renders, shows the amounts and the invoice it is
 * given, leaves no Mustache tag behind, keeps the SMS short, and its body is well-formed XHTML that becomes a readable
 * letter PDF (text extractable, amounts present).
 */
class MessageTemplatesUnitTest {

    private static final MessageTemplates TEMPLATES = new MessageTemplates(null, null);

    static Stream<Arguments> variants() {
        List<Arguments> all = new ArrayList<>();
        for (MessageTemplates.Definition d : TEMPLATES.definitions()) {
            for (String language : MessageTemplates.LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    all.add(Arguments.of(d.key(), language, tone));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("variants")
    void rendersInEveryLanguageAndTone(String key, String language, Tone tone) throws Exception {
        MessageTemplates.Definition d = TEMPLATES.definition(key).orElseThrow();
        MessageTemplates.Variant v = d.variants().stream()
                .filter(x -> x.language().equals(language) && x.tone() == tone).findFirst()
                .orElseThrow(() -> new AssertionError(key + " has no " + language + "/" + tone + " variant"));
        MessageTemplates.Rendered r = TEMPLATES.render(new MessageTemplates.Resolved(key, v, 0), model());
        assertThat(r.subject()).isNotBlank().doesNotContain("{{");
        assertThat(r.html()).contains("F-2026-0042").contains("€ 1.234,56").doesNotContain("{{");
        assertThat(r.text()).contains("F-2026-0042").doesNotContain("<p>");
        assertThat(r.sms()).isNotBlank().doesNotContain("{{").hasSizeLessThanOrEqualTo(160);
        Letters.checkFragment(r.html());
        Letters.Pdf pdf = new Letters(20, 50).render(new PostalAddress("Jan de Vries", null, "Kerkstraat 1",
                "1011 AB", "Amsterdam", "NL"), new OutboundMessage.Letterhead("Demo B.V.", List.of("Damrak 1",
                "1012 LG Amsterdam"), "Demo B.V., Damrak 1", List.of("KvK 12345678"), "NL"), r.subject(), r.html(),
                language, LocalDate.of(2026, 3, 2));
        String text = new PdfTextExtractor(new PdfReader(pdf.bytes())).getTextFromPage(1);
        assertThat(text).contains("F-2026-0042").contains("1.234,56").contains("1011 AB");
    }

    private static Map<String, Object> model() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("greeting", "Geachte heer De Vries,");
        m.put("invoiceTable", "<table><tr><td>F-2026-0042</td><td>€ 1.234,56</td></tr></table>");
        m.put("invoices", List.of(Map.of("number", "F-2026-0042", "open", "€ 1.234,56")));
        m.put("total", "€ 1.234,56");
        m.put("multiple", false);
        m.put("count", 1);
        m.put("oldestDueDate", "1 maart 2026");
        m.put("creditor", Map.of("name", "Demo B.V.", "iban", "NL91ABNA0417164300", "email", "debiteuren@demo.test",
                "phone", "020 1234567"));
        m.put("payment", Map.of("reference", "1234567890123456", "amount", "€ 1.234,56"));
        m.put("consumer", true);
        m.put("legalNotice", "<div class=\"legal\"><p>wettelijk</p></div>");
        return m;
    }
}
