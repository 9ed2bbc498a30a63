package io.creditflow.acceptance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts a decision is made on, by name ({@link SignalNames}): numbers as {@link BigDecimal}, flags as Boolean,
 * categories as String; a missing value (no history, a source that timed out) is absent, never a made-up zero. The
 * same map is stored with the check, so a draft policy can be replayed on exactly what the live decision saw.
 */
public final class Signals {

    private final Map<String, Object> values;

    private Signals(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Signals of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, normalise(v));
            }
        });
        return new Signals(copy);
    }

    public @Nullable Object get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public @Nullable BigDecimal number(String name) {
        return values.get(name) instanceof BigDecimal d ? d : null;
    }

    public BigDecimal numberOr(String name, BigDecimal fallback) {
        BigDecimal d = number(name);
        return d == null ? fallback : d;
    }

    public @Nullable Boolean flag(String name) {
        return values.get(name) instanceof Boolean b ? b : null;
    }

    public @Nullable String text(String name) {
        Object v = values.get(name);
        return v instanceof String s ? s : null;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** These signals plus (or overridden by) more; for values derived during evaluation (limit, utilisation). */
    public Signals with(Map<String, ?> more) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        more.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, normalise(v));
            }
        });
        return new Signals(merged);
    }

    private static Object normalise(Object v) {
        return switch (v) {
            case BigDecimal d -> d;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case java.math.BigInteger b -> new BigDecimal(b);
            case Double d -> new BigDecimal(d.toString());
            case Float f -> new BigDecimal(f.toString());
            case Boolean b -> b;
            default -> v.toString();
        };
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
