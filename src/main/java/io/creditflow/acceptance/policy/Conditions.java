package io.creditflow.acceptance.policy;

import io.creditflow.acceptance.Signals;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Set;

/** Evaluates {@link PolicyDocument.Condition}s and scorecard bins against signals. */
public final class Conditions {

    public static final Set<String> OPERATORS = Set.of("lt", "le", "gt", "ge", "eq", "ne", "in", "present", "absent");

    private Conditions() {
    }

    public static boolean holds(PolicyDocument.Condition c, Signals signals) {
        Object actual = signals.get(c.signal());
        return switch (c.op()) {
            case "present" -> actual != null;
            case "absent" -> actual == null;
            case "eq" -> actual != null && same(actual, c.value());
            case "ne" -> actual != null && !same(actual, c.value());
            case "in" -> actual != null && c.value() instanceof Collection<?> list
                    && list.stream().anyMatch(v -> same(actual, v));
            case "lt", "le", "gt", "ge" -> compare(actual, c.value(), c.op());
            default -> throw new IllegalArgumentException("unknown operator '" + c.op() + "'");
        };
    }

    /** True if the bin matches the value (never for an absent value: the characteristic's missing points apply). */
    public static boolean matches(PolicyDocument.Bin bin, Object value) {
        if (bin.upTo() != null) {
            return value instanceof BigDecimal d && d.compareTo(bin.upTo()) <= 0;
        }
        if (bin.equals() != null) {
            return same(value, bin.equals());
        }
        return true;
    }

    private static boolean compare(@Nullable Object actual, @Nullable Object expected, String op) {
        BigDecimal a = actual instanceof BigDecimal d ? d : null;
        BigDecimal e = number(expected);
        if (a == null || e == null) {
            return false;
        }
        int cmp = a.compareTo(e);
        return switch (op) {
            case "lt" -> cmp < 0;
            case "le" -> cmp <= 0;
            case "gt" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    static boolean same(Object actual, @Nullable Object expected) {
        if (expected == null) {
            return false;
        }
        if (actual instanceof BigDecimal a) {
            BigDecimal e = number(expected);
            return e != null && a.compareTo(e) == 0;
        }
        if (actual instanceof Boolean b) {
            return expected instanceof Boolean eb ? b.equals(eb) : b.toString().equalsIgnoreCase(expected.toString());
        }
        return actual.toString().equals(expected.toString());
    }

    static @Nullable BigDecimal number(@Nullable Object v) {
        return switch (v) {
            case null -> null;
            case BigDecimal d -> d;
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Double d -> new BigDecimal(d.toString());
            case Float f -> new BigDecimal(f.toString());
            case java.math.BigInteger b -> new BigDecimal(b);
            case String s -> {
                try {
                    yield new BigDecimal(s);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }
}
