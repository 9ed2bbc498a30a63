package io.creditflow.payments.statement;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.PaymentReference;
import io.creditflow.shared.RfCreditorReference;

import java.util.Objects;
import java.util.Optional;

/**
 * A structured creditor reference as the bank passed it on, kept verbatim: a payer's bank does not always check the
 * check digit, so an invalid value must still reach matching (which may find the invoice by a near miss).
 */
public record StructuredReference(Issuer issuer, String value) {

    /** Who defined the reference scheme: the Dutch betalingskenmerk ({@code CUR}) or ISO 11649 ({@code ISO}). */
    public enum Issuer {
        CUR,
        ISO,
        OTHER
    }

    public StructuredReference {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(value, "value");
    }

    static Issuer issuerOf(String code) {
        return switch (code.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "CUR" -> Issuer.CUR;
            case "ISO" -> Issuer.ISO;
            default -> Issuer.OTHER;
        };
    }

    /** The reference as a checked value object, when it is one; empty when its check digit is wrong. */
    public Optional<PaymentReference> paymentReference() {
        if (issuer == Issuer.CUR && Betalingskenmerk.isValid(value)) {
            return Optional.of(Betalingskenmerk.parse(value));
        }
        if (RfCreditorReference.isValid(value)) {
            return Optional.of(RfCreditorReference.parse(value));
        }
        if (issuer != Issuer.ISO && Betalingskenmerk.isValid(value)) {
            return Optional.of(Betalingskenmerk.parse(value));
        }
        return Optional.empty();
    }
}
