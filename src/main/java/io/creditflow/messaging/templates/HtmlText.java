package io.creditflow.messaging.templates;

import org.springframework.web.util.HtmlUtils;

import java.util.regex.Pattern;

/**
 * The plain-text part of an e-mail, derived from its HTML part: paragraphs and line breaks kept, list items as
 * dashes, table rows as lines with cells separated by two spaces, links as "text (url)". Good enough for the markup
 * the templates use; mail clients that show text show this. Patterns are compiled once (a run converts thousands of
 * bodies a second), and the tags are replaced in one pass when they are well formed.
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
        s = wellFormedTags(s) ? tagsInOnePass(s) : tagsPassByPass(s);
        s = HtmlUtils.htmlUnescape(s);
        s = SPACES.matcher(s).replaceAll(" ");
        s = LINE_SPACES.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip() + "\n";
    }

    /** The tag patterns in the order they are applied, with what each tag they match becomes. */
    private static final Pattern[] TAGS = {BR, BLOCK_END, LI, LI_END, TR_END, CELL_END, TAG};
    private static final String[] REPLACEMENTS = {"\n", "\n\n", "- ", "\n", "\n", "  ", ""};

    private static String tagsPassByPass(String html) {
        String s = html;
        for (int i = 0; i < TAGS.length; i++) {
            s = TAGS[i].matcher(s).replaceAll(REPLACEMENTS[i]);
        }
        return s;
    }

    /**
     * Whether every '<' opens a tag that closes before the next '<'. Then every match of each tag pattern is exactly
     * one such tag (each pattern starts with '<' and ends at the first '>'), no replacement contains '<' or '>', and
     * replacing each tag by the first pattern that matches it in one pass gives what the passes one by one give.
     */
    private static boolean wellFormedTags(String s) {
        boolean open = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                if (open) {
                    return false;
                }
                open = true;
            } else if (c == '>' && open) {
                open = false;
            }
        }
        return !open;
    }

    private static String tagsInOnePass(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        for (int lt = s.indexOf('<'); lt >= 0; lt = s.indexOf('<', from)) {
            int gt = s.indexOf('>', lt);
            out.append(s, from, lt);
            if (gt == lt + 1) {
                out.append("<>"); // "<>" matches no tag pattern (each needs a character between)
            } else {
                String tag = s.substring(lt, gt + 1);
                for (int i = 0; i < TAGS.length; i++) {
                    if (TAGS[i].matcher(tag).matches()) {
                        out.append(REPLACEMENTS[i]);
                        break;
                    }
                }
            }
            from = gt + 1;
        }
        return out.append(s, from, s.length()).toString();
    }
}
