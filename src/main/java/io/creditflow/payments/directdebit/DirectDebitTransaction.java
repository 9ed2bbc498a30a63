package io.creditflow.payments.directdebit;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.FreeTextReference;
import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import io.creditflow.shared.PaymentReference;
import io.creditflow.shared.RfCreditorReference;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One collection from one debtor. The end-to-end id comes back on the creditor's statement and on a return, so it is
 * how a returned collection finds its invoice.
 *
 * @param mandateSignedOn the date the debtor signed the mandate (DtOfSgntr)
 * @param remittance a structured reference (betalingskenmerk, RF) is sent structured, free text as Ustrd
 */
public record DirectDebitTransaction(
        String endToEndId,
        Money amount,
        String mandateId,
        LocalDate mandateSignedOn,
        SequenceType sequenceType,
        LocalDate collectionDate,
        String debtorName,
        Iban debtorIban,
        @Nullable String debtorBic,
        @Nullable PaymentReference remittance) {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    public DirectDebitTransaction {
        SepaText.identifier(Objects.requireNonNull(endToEndId, "endToEndId"), "End-to-end id");
        SepaText.identifier(Objects.requireNonNull(mandateId, "mandateId"), "Mandate id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(mandateSignedOn, "mandateSignedOn");
        Objects.requireNonNull(sequenceType, "sequenceType");
        Objects.requireNonNull(collectionDate, "collectionDate");
        Objects.requireNonNull(debtorIban, "debtorIban");
        if (!amount.currency().equals(Money.EUR)) {
            throw new IllegalArgumentException("SEPA direct debits are in euro, not " + amount.currency());
        }
        if (!amount.isPositive() || amount.amount().compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("A collection amount must be 0.01 to 999999999.99 EUR, not " + amount);
        }
        if (mandateSignedOn.isAfter(collectionDate)) {
            throw new IllegalArgumentException("Mandate " + mandateId + " is signed on " + mandateSignedOn
                    + ", after the collection date " + collectionDate);
        }
        if (SepaText.text(Objects.requireNonNull(debtorName, "debtorName"), 70).isEmpty()) {
            throw new IllegalArgumentException("Collection " + endToEndId + " needs the debtor's name");
        }
        if (remittance instanceof FreeTextReference text && SepaText.text(text.value(), 140).isEmpty()) {
            throw new IllegalArgumentException("Collection " + endToEndId + " has remittance text without any"
                    + " character SEPA allows");
        }
    }

    /** The issuer code the structured reference is sent with, or null for free text. */
    @Nullable String referenceIssuer() {
        return switch (remittance) {
            case Betalingskenmerk b -> "CUR";
            case RfCreditorReference rf -> "ISO";
            case null, default -> null;
        };
    }
}
