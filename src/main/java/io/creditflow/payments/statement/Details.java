package io.creditflow.payments.statement;

import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.util.Locale;

/** A mutable collector for {@link TransactionDetails}, shared by the parsers; normalises as it builds. */
final class Details {

    @Nullable Money amount;
    @Nullable String endToEndId;
    @Nullable String mandateId;
    @Nullable String creditorId;
    @Nullable String counterpartyName;
    @Nullable String counterpartyAccount;
    @Nullable String counterpartyBic;
    @Nullable StringBuilder remittance;
    @Nullable StructuredReference structuredReference;
    @Nullable String returnReasonCode;

    void endToEndId(@Nullable String value) {
        String v = blankToNull(value);
        endToEndId = v == null || v.equalsIgnoreCase("NOTPROVIDED") ? null : v;
    }

    void remittanceLine(@Nullable String line) {
        String v = blankToNull(line);
        if (v == null) {
            return;
        }
        if (remittance == null) {
            remittance = new StringBuilder(v.length());
        } else {
            remittance.append(' ');
        }
        remittance.append(v);
    }

    void returnReason(@Nullable String code) {
        String v = blankToNull(code);
        if (v != null) {
            returnReasonCode = v.length() > 4 ? v.substring(0, 4).toUpperCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
        }
    }

    boolean isEmpty() {
        return amount == null && endToEndId == null && mandateId == null && creditorId == null
                && counterpartyName == null && counterpartyAccount == null && remittance == null
                && structuredReference == null && returnReasonCode == null;
    }

    TransactionDetails build() {
        String account = blankToNull(counterpartyAccount);
        Iban iban = account != null && Iban.isValid(account) ? Iban.parse(account) : null;
        return new TransactionDetails(amount, endToEndId, blankToNull(mandateId), blankToNull(creditorId),
                collapse(counterpartyName), iban != null ? iban.value() : account, iban, blankToNull(counterpartyBic),
                remittance == null ? null : collapse(remittance.toString()), structuredReference, returnReasonCode);
    }

    static @Nullable String blankToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }

    /** Collapses runs of spaces that fixed-width bank layouts leave behind. */
    static @Nullable String collapse(@Nullable String value) {
        String v = blankToNull(value);
        return v == null ? null : v.replaceAll("\\s{2,}", " ");
    }
}
