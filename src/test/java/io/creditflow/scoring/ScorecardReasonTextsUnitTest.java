package io.creditflow.scoring;

import io.creditflow.acceptance.SignalNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fitted scorecard's characteristics are the check's signals, and its reason code is {@code SC_} plus the signal
 * name: every signal of acceptance's catalogue must have a reason text in every language of acceptance's bundle, or
 * the check shows the code instead.
 */
class ScorecardReasonTextsUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"/i18n/acceptance.properties", "/i18n/acceptance_nl.properties"})
    void everyReasonCodeTheScorecardCanEmitHasAText(String bundle) throws Exception {
        Properties texts = load(bundle);
        List<String> signals = signalNames();
        assertThat(signals).as("the catalogue is read").contains(SignalNames.HISTORY_MAX_DAYS_OVERDUE)
                .hasSizeGreaterThan(40);
        for (String signal : signals) {
            String code = FittedApplicantScorer.reasonCode(signal);
            assertThat(texts.getProperty("reason." + code)).as("%s: text of %s (signal %s)", bundle, code, signal)
                    .isNotBlank();
        }
    }

    @Test
    void theCodesAreDistinct() {
        List<String> codes = signalNames().stream().map(FittedApplicantScorer::reasonCode).toList();
        assertThat(codes).doesNotHaveDuplicates().contains("SC_HISTORY_MAX_DAYS_OVERDUE", "SC_VELOCITY_MAX_SHARED_WITH");
    }

    private static List<String> signalNames() {
        return Arrays.stream(SignalNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ScorecardReasonTextsUnitTest::value).toList();
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(String resource) throws Exception {
        try (InputStream in = ScorecardReasonTextsUnitTest.class.getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
