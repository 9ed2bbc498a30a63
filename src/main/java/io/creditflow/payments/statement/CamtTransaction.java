package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * One {@code TxDtls} being read. Keeps both parties, because which one is the counterparty depends on the direction
 * and on whether the transaction is a return: a returned collection is a debit whose counterparty is still the debtor.
 */
final class CamtTransaction {

    final Details details = new Details();
    @Nullable CreditDebit creditDebit;
    @Nullable String debtorName;
    @Nullable String debtorAccount;
    @Nullable String debtorBic;
    @Nullable String creditorName;
    @Nullable String creditorAccount;
    @Nullable String creditorBic;
    @Nullable String referenceType;
    @Nullable String referenceIssuer;
    @Nullable String referenceValue;

    /** Maps a path relative to {@code TxDtls}; returns false for paths it does not know. */
    boolean text(String path, String value, @Nullable String currency) {
        switch (path) {
            case "Refs/EndToEndId" -> details.endToEndId(value);
            case "Refs/MndtId" -> details.mandateId = value;
            case "Amt", "AmtDtls/TxAmt/Amt" -> details.amount = money(value, currency);
            case "AmtDtls/InstdAmt/Amt" -> {
                if (details.amount == null) {
                    details.amount = money(value, currency);
                }
            }
            case "CdtDbtInd" -> creditDebit = Camt053Parser.creditDebit(value);
            case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm" -> debtorName = value;
            case "RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id" -> debtorAccount = value;
            case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm" -> creditorName = value;
            case "RltdPties/CdtrAcct/Id/IBAN", "RltdPties/CdtrAcct/Id/Othr/Id" -> creditorAccount = value;
            case "RltdPties/Cdtr/Id/PrvtId/Othr/Id", "RltdPties/Cdtr/Pty/Id/PrvtId/Othr/Id" ->
                    details.creditorId = value;
            case "RltdAgts/DbtrAgt/FinInstnId/BIC", "RltdAgts/DbtrAgt/FinInstnId/BICFI" -> debtorBic = value;
            case "RltdAgts/CdtrAgt/FinInstnId/BIC", "RltdAgts/CdtrAgt/FinInstnId/BICFI" -> creditorBic = value;
            case "RmtInf/Ustrd" -> details.remittanceLine(value);
            case "RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd" -> referenceType = value;
            case "RmtInf/Strd/CdtrRefInf/Tp/Issr" -> referenceIssuer = value;
            case "RmtInf/Strd/CdtrRefInf/Ref" -> referenceValue = value;
            case "RtrInf/Rsn/Cd", "RtrInf/Rsn/Prtry" -> details.returnReason(value);
            default -> {
                return false;
            }
        }
        return true;
    }

    TransactionDetails finish(CreditDebit entryDirection, boolean reversal, @Nullable String ownAccount) {
        if (referenceValue != null) {
            String issuer = referenceIssuer != null ? referenceIssuer
                    : referenceValue.toUpperCase(java.util.Locale.ROOT).startsWith("RF") ? "ISO" : "OTHER";
            details.structuredReference = new StructuredReference(StructuredReference.issuerOf(issuer),
                    referenceValue.strip());
        }
        boolean debtorIsCounterparty = debtorIsCounterparty(entryDirection, reversal, ownAccount);
        details.counterpartyName = debtorIsCounterparty ? debtorName : creditorName;
        details.counterpartyAccount = debtorIsCounterparty ? debtorAccount : creditorAccount;
        details.counterpartyBic = debtorIsCounterparty ? debtorBic : creditorBic;
        return details.build();
    }

    private boolean debtorIsCounterparty(CreditDebit entryDirection, boolean reversal, @Nullable String ownAccount) {
        if (ownAccount != null && ownAccount.equalsIgnoreCase(creditorAccount)) {
            return true;
        }
        if (ownAccount != null && ownAccount.equalsIgnoreCase(debtorAccount)) {
            return false;
        }
        CreditDebit direction = creditDebit != null ? creditDebit : entryDirection;
        if (reversal || details.returnReasonCode != null) {
            direction = direction.opposite();
        }
        return direction == CreditDebit.CREDIT;
    }

    private static Money money(String value, @Nullable String currency) {
        if (currency == null) {
            throw new IllegalArgumentException("amount " + value + " has no Ccy attribute");
        }
        return Money.of(new BigDecimal(value.strip()), Currency.getInstance(currency));
    }
}
