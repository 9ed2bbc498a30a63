package io.creditflow.acceptance;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * What the shop may still offer: {@code ACCEPT_UP_TO} (pay later is fine up to {@code amount}), {@code
 * PREPAYMENT_REQUIRED} (offer prepayment instead), {@code VALID_UNTIL} (the acceptance and its reservation of the
 * limit hold until then: invoice before it).
 */
public record CheckCondition(String type, @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable BigDecimal amount, @Nullable String until) {

    public static CheckCondition acceptUpTo(BigDecimal amount) {
        return new CheckCondition("ACCEPT_UP_TO", amount, null);
    }

    public static CheckCondition prepaymentRequired() {
        return new CheckCondition("PREPAYMENT_REQUIRED", null, null);
    }

    public static CheckCondition validUntil(String instant) {
        return new CheckCondition("VALID_UNTIL", null, instant);
    }
}
