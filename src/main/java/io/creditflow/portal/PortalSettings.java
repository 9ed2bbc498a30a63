package io.creditflow.portal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A tenant's portal: how it looks (name, two colours, a logo, texts per language) and what a debtor may arrange
 * without a person. A proposed plan of up to {@code planAutoInstalments} instalments, none below
 * {@code planMinInstalment}, starting within {@code planMaxFirstDays}, is agreed at once; up to
 * {@code planMaxInstalments} it goes to the payments review queue; beyond, the portal refuses it.
 *
 * @param texts per language ({@code nl}, {@code en}, {@code de}, {@code fr}) the tenant's {@code welcome} and
 *              {@code contact} texts
 */
public record PortalSettings(@Nullable String displayName, String brandColour, String brandTextColour,
                             Map<String, Map<String, String>> texts, boolean hasLogo, int planMaxInstalments,
                             int planAutoInstalments, BigDecimal planMinInstalment, int planMaxFirstDays) {

    public static final String DEFAULT_BRAND = "#1f4e79";
    public static final String DEFAULT_BRAND_TEXT = "#ffffff";

    public static PortalSettings defaults() {
        return new PortalSettings(null, DEFAULT_BRAND, DEFAULT_BRAND_TEXT, Map.of(), false, 12, 6,
                new BigDecimal("25.00"), 30);
    }

    public @Nullable String text(String language, String key) {
        Map<String, String> t = texts.get(language);
        String value = t == null ? null : t.get(key);
        return value == null || value.isBlank() ? null : value;
    }
}
