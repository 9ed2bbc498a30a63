package io.creditflow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle under i18n/ has the same keys in every language it is translated to (the console in English
 * and Dutch, the portal also in German and French): a key added in one language only shows up as a raw key.
 */
class MessageBundlesUnitTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");

    @Test
    void everyLanguageOfABundleHasTheSameKeys() throws IOException {
        Map<String, Map<String, Set<String>>> bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                String name = file.getFileName().toString().replace(".properties", "");
                String bundle = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
                String language = name.contains("_") ? name.substring(name.indexOf('_') + 1) : "en";
                bundles.computeIfAbsent(bundle, b -> new TreeMap<>()).put(language, keys(file));
            }
        }
        assertThat(bundles).isNotEmpty();
        bundles.forEach((bundle, languages) -> {
            assertThat(languages).as("bundle %s must have English and Dutch", bundle).containsKeys("en", "nl");
            Set<String> english = languages.get("en");
            languages.forEach((language, keys) -> {
                assertThat(keys).as("keys of %s_%s missing compared to English", bundle, language)
                        .containsAll(english);
                assertThat(english).as("keys of %s_%s not in English", bundle, language).containsAll(keys);
            });
        });
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
