package io.creditflow.dunning;

import io.creditflow.messaging.Tone;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's dunning settings: who the creditor is on letters and e-mails, how catch-up behaves after downtime, the
 * delivery assumptions for the 14-day term per channel, the facts behind the VAT uplift, and the webhook endpoint.
 *
 * @param catchUp                 LATEST_ONLY: after downtime, take only the latest due step (never past a mandatory
 *                                one) and record the skipped ones; EARLIEST_FIRST: one step per run, oldest first
 * @param postDeliveryDays        post is assumed delivered on the n-th delivery day after sending (1: next day)
 * @param emailDeliveryDays       e-mail is assumed delivered n days after sending (0: same day)
 * @param outsourcedToVatChargingCollector with {@code creditorCannotDeductVat}: the costs carry the VAT uplift and
 *                                letters declare it (both must hold; the law module decides)
 * @param contractualPercentBusiness an agreed collection-cost percentage for business debtors (null: the scale)
 * @param emailFallbackToLetter   an e-mail step for a debtor without e-mail address sends a letter instead
 */
public record DunningSettings(String creditorName, List<String> addressLines, String country, @Nullable String iban,
                              @Nullable String bic, @Nullable String email, @Nullable String phone,
                              @Nullable String chamberOfCommerce, @Nullable String vatNumber, Tone defaultTone,
                              CatchUp catchUp, int postDeliveryDays, int emailDeliveryDays,
                              boolean outsourcedToVatChargingCollector, boolean creditorCannotDeductVat,
                              @Nullable BigDecimal contractualPercentBusiness, @Nullable String webhookUrl,
                              @Nullable String webhookSecret, boolean emailFallbackToLetter) {

    public enum CatchUp { LATEST_ONLY, EARLIEST_FIRST }

    public DunningSettings {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }

    public static DunningSettings defaults(String creditorName, String country) {
        return new DunningSettings(creditorName, List.of(), country, null, null, null, null, null, null, Tone.FORMAL,
                CatchUp.LATEST_ONLY, 1, 0, false, false, null, null, null, true);
    }
}
