package io.creditflow.messaging.templates;

import org.springframework.web.util.HtmlUtils;

import java.util.regex.Pattern;

/**
 * The plain-text part of an e-mail, derived from its HTML part: paragraphs and line breaks kept, list items as
 * dashes, table rows as lines with cells separated by two spaces, links as "text (url)". Good enough for the markup
 * the templates use; mail clients that show text show this. Patterns are compiled once (a run converts thousands of
 * bodies a second).
 */
public final class HtmlText {

    private static final Pattern NEWLINES = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|table|ul|ol)>");
    private static final Pattern LI = Pattern.compile("(?i)<li[^>]*>");
    private static final Pattern LI_END = Pattern.compile("(?i)</li>");
    private static final Pattern TR_END = Pattern.compile("(?i)</tr>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x{00A0}]+");
    private static final Pattern LINE_SPACES = Pattern.compile(" *\\n *");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private HtmlText() {
    }

    public static String of(String html) {
        String s = NEWLINES.matcher(html).replaceAll(" ");
        s = LINK.matcher(s).replaceAll(m -> m.group(2).equals(m.group(1)) ? "$2" : "$2 ($1)");
        s = BR.matcher(s).replaceAll("\n");
        s = BLOCK_END.matcher(s).replaceAll("\n\n");
        s = LI.matcher(s).replaceAll("- ");
        s = LI_END.matcher(s).replaceAll("\n");
        s = TR_END.matcher(s).replaceAll("\n");
        s = CELL_END.matcher(s).replaceAll("  ");
        s = TAG.matcher(s).replaceAll("");
        s = HtmlUtils.htmlUnescape(s);
        s = SPACES.matcher(s).replaceAll(" ");
        s = LINE_SPACES.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip() + "\n";
    }
}
