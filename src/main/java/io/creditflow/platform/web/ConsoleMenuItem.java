package io.creditflow.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * An entry of the console's navigation, contributed by a module as a bean. Shown to users holding {@code authority}
 * (all signed-in users when null), ordered by {@code order}; {@code labelKey} is a message key.
 */
public record ConsoleMenuItem(int order, String labelKey, String path, @Nullable String authority) {
}
