package io.creditflow.portal;

import java.util.Locale;

/**
 * WCAG 2.1 contrast ratio of two sRGB colours ({@code #rrggbb}): (L1 + 0.05) / (L2 + 0.05) of their relative
 * luminances. Normal text needs 4.5:1 (success criterion 1.4.3, level AA).
 */
public final class Contrast {

    public static final double AA_NORMAL_TEXT = 4.5;

    private Contrast() {
    }

    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    public static boolean isColour(String s) {
        return s.toLowerCase(Locale.ROOT).matches("#[0-9a-f]{6}");
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
