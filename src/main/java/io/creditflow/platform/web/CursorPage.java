package io.creditflow.platform.web;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list API. Pagination is by cursor (keyset), never by offset: pages stay fast at any depth and stable
 * while rows are added. {@code nextCursor} is opaque to clients and null on the last page.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in key order: the extra row only tells that there is a
     * next page, whose cursor is the key of the last row returned.
     */
    public static <T> CursorPage<T> of(List<T> rowsPlusOne, int limit, Function<T, String> key) {
        if (rowsPlusOne.size() <= limit) {
            return new CursorPage<>(rowsPlusOne, null);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        return new CursorPage<>(List.copyOf(items), encode(key.apply(items.getLast())));
    }

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static @Nullable String decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this API issued");
        }
    }
}
