package io.creditflow.receivables.imports;

import org.jspecify.annotations.Nullable;

/** A problem with one row (or the file): the line it starts on, the column header, and the reason. */
public record RowError(@Nullable Long line, @Nullable String column, String message) {
}
