package io.creditflow.messaging.templates;

import org.springframework.web.util.HtmlUtils;

import java.util.regex.Pattern;

/**
 * The plain-text part of an e-mail, derived from its HTML part: paragraphs and line breaks kept, list items as
 * dashes, table rows as lines with cells separated by two spaces, links as "text (url)". Good enough for the markup
 * the templates use; mail clients that show text show this.
 */
public final class HtmlText {

    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private HtmlText() {
    }

    public static String of(String html) {
        String s = html.replaceAll("\\s*\\n\\s*", " ");
        s = LINK.matcher(s).replaceAll(m -> m.group(2).equals(m.group(1)) ? "$2" : "$2 ($1)");
        s = s.replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|h[1-6]|table|ul|ol)>", "\n\n")
                .replaceAll("(?i)<li[^>]*>", "- ").replaceAll("(?i)</li>", "\n")
                .replaceAll("(?i)</tr>", "\n").replaceAll("(?i)</t[dh]>", "  ");
        s = TAG.matcher(s).replaceAll("");
        s = HtmlUtils.htmlUnescape(s);
        s = s.replaceAll("[ \\t\\x{00A0}]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n");
        return s.strip() + "\n";
    }
}
