package io.creditflow.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Every module keeps its texts in {@code i18n/<module>.properties} (plus {@code _nl}, and for the portal {@code _de},
 * {@code _fr}). The bundles are found on the classpath at start, so a module adds texts without touching a shared
 * list, and no lookup ever searches (and warns about) a bundle that does not exist.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    static String[] basenames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            TreeSet<String> names = new TreeSet<>();
            Arrays.stream(files).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(f -> f.substring(0, f.length() - ".properties".length()))
                    .filter(f -> !f.contains("_"))
                    .forEach(f -> names.add("i18n/" + f));
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
