package io.creditflow.privacy;

import org.jspecify.annotations.Nullable;

/**
 * A field the controller may rectify: its key (stable, used for contests and history), an English label, the current
 * value as text (lists one item per line), and whether it takes several lines.
 */
public record RectifiableField(String key, String label, @Nullable String value, boolean multiline) {
}
