package io.creditflow.payments.directdebit;

import io.creditflow.shared.Iban;
import io.creditflow.shared.SepaCreditorId;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The collecting party: the tenant. The BIC is optional (IBAN-only is allowed within SEPA); without it the file
 * says {@code NOTPROVIDED}.
 */
public record DirectDebitCreditor(String name, Iban iban, @Nullable String bic, SepaCreditorId creditorId) {

    public DirectDebitCreditor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(creditorId, "creditorId");
        if (SepaText.text(name, 70).isEmpty()) {
            throw new IllegalArgumentException("The creditor needs a name");
        }
        if (bic != null && !bic.matches("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?")) {
            throw new IllegalArgumentException("'" + bic + "' is not a BIC");
        }
    }
}
