package io.creditflow.payments.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Locale;

/**
 * The language of explanations in API responses: the request's {@code Accept-Language} when it asks for Dutch, else
 * English (an API client that says nothing gets the documented English texts, whatever the console user chose).
 */
final class ApiLocale {

    private ApiLocale() {
    }

    static Locale current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String header = attributes.getRequest().getHeader("Accept-Language");
            if (header != null && attributes.getRequest().getLocale().getLanguage().equals("nl")) {
                return Locale.forLanguageTag("nl");
            }
        }
        return Locale.ENGLISH;
    }
}
