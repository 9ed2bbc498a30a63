package io.creditflow.portal;

import io.creditflow.audit.AuditLog;
import io.creditflow.platform.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The WCAG contrast arithmetic, the refusal of unreadable colours, the code alphabet and the token format. */
class PortalSettingsUnitTest {

    @ParameterizedTest
    @CsvSource({
            // reference values from WCAG 2.1 (and the WebAIM contrast checker)
            "#000000, #ffffff, 21.00",
            "#ffffff, #ffffff, 1.00",
            "#767676, #ffffff, 4.54",
            "#777777, #ffffff, 4.48",
            "#ff0000, #ffffff, 3.99",
            "#0000ff, #ffffff, 8.59"})
    void contrastRatio(String a, String b, double expected) {
        assertThat(Contrast.ratio(a, b)).isCloseTo(expected, within(0.01));
        assertThat(Contrast.ratio(b, a)).as("symmetric").isCloseTo(expected, within(0.01));
    }

    @Test
    void unreadableColoursAreRefusedWithTheFieldNamedAndNothingIsSaved() {
        PortalSettingsStore store = new PortalSettingsStore(null, (AuditLog) null, null);
        var low = new PortalSettings(null, "#777777", "#ffffff", Map.of(), false, 12, 6, new BigDecimal("25.00"), 30);
        assertThatThrownBy(() -> store.save(low)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(f -> f.field()).containsExactly("brandColour", "brandTextColour"));
        var sameText = new PortalSettings(null, "#1f4e79", "#1f4e70", Map.of(), false, 12, 6, BigDecimal.ONE, 30);
        assertThatThrownBy(() -> store.save(sameText)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("brandTextColour");
                    assertThat(f.reason()).contains("4.5:1");
                }));
        var notAColour = new PortalSettings(null, "blue", "#ffffff", Map.of(), false, 0, 7, new BigDecimal("-1"), 400);
        assertThatThrownBy(() -> store.save(notAColour)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(f -> f.field()).containsExactlyInAnyOrder("brandColour",
                        "planMaxInstalments", "planAutoInstalments", "planMinInstalment", "planMaxFirstDays"));
    }

    @Test
    void logosAreRecognisedByContentNotByName() {
        assertThat(PortalSettingsStore.imageType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}))
                .contains("image/png");
        assertThat(PortalSettingsStore.imageType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})).contains("image/jpeg");
        assertThat(PortalSettingsStore.imageType("<svg onload=alert(1)>".getBytes())).isEmpty();
    }

    @Test
    void typedCodesAreNormalisedAndMisreadLettersMapped() {
        assertThat(PortalLinks.normaliseCode(" abcd-efgh 1234 ")).isEqualTo("ABCDEFGH1234");
        assertThat(PortalLinks.normaliseCode("O0IL-1")).isEqualTo("00111");
        assertThat(PortalLinks.codeHash("ABC")).hasSize(32).isEqualTo(PortalLinks.codeHash("ABC"));
    }

    @Test
    void malformedTokensAreNotParsed() {
        assertThat(PortalLinks.parse("no-dot")).isEmpty();
        assertThat(PortalLinks.parse("AAAA.BBBB")).as("payload too short").isEmpty();
        assertThat(PortalLinks.parse("!!!.BBBB")).isEmpty();
        assertThat(PortalLinks.parse("x".repeat(200) + ".y")).isEmpty();
    }
}
