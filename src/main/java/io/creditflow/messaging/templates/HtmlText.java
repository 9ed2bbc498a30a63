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

    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|table|ul|ol)>");
    private static final Pattern LI = Pattern.compile("(?i)<li[^>]*>");
    private static final Pattern LI_END = Pattern.compile("(?i)</li>");
    private static final Pattern TR_END = Pattern.compile("(?i)</tr>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private HtmlText() {
    }

    public static String of(String html) {
        String s = joinLines(html);
        s = LINK.matcher(s).replaceAll(m -> m.group(2).equals(m.group(1)) ? "$2" : "$2 ($1)");
        s = wellFormedTags(s) ? tagsInOnePass(s) : tagsPassByPass(s);
        s = HtmlUtils.htmlUnescape(s);
        s = collapseSpaces(s);
        s = trimLines(s);
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip() + "\n";
    }

    /*
     * The whitespace steps below are patterns written as loops (a run spent a third of its time in them): each does
     * exactly what replaceAll with the pattern it names does, which HtmlTextUnitTest checks against the patterns.
     */

    /** {@code \s*\n\s*} to a space: every maximal run of {@code \s} holding a line break becomes one space. */
    static String joinLines(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (!isSpace(s.charAt(i))) {
                out.append(s.charAt(i++));
                continue;
            }
            int end = i;
            boolean newline = false;
            while (end < s.length() && isSpace(s.charAt(end))) {
                newline |= s.charAt(end) == '\n';
                end++;
            }
            if (newline) {
                out.append(' ');
            } else {
                out.append(s, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    /** Java's {@code \s}: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code [ \t\x{00A0}]+} to a space: every maximal run of spaces, tabs and no-break spaces becomes one. */
    static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u00A0') {
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\u00A0')) {
                    i++;
                }
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code " *\n *"} to a line break: the spaces around each line break removed. */
    static String trimLines(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                int end = i;
                while (end < s.length() && s.charAt(end) == ' ') {
                    end++;
                }
                if (end < s.length() && s.charAt(end) == '\n') {
                    i = end; // the spaces go; the line break is handled next
                } else {
                    out.append(s, i, end);
                    i = end;
                }
            } else if (c == '\n') {
                out.append('\n');
                i++;
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
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
