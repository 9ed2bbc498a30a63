package io.creditflow.payments.statement;

import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One payment inside an entry: a single transfer, or one of the transactions of a batch booking. Every field is
 * optional because banks fill them unevenly; an end-to-end id of {@code NOTPROVIDED} is reported as absent.
 *
 * @param amount the transaction's own amount; absent when the entry holds one transaction with the entry's amount
 * @param counterpartyAccount the other party's account number as given (IBAN or an old domestic number)
 * @param counterpartyIban the same account when it is a valid IBAN
 * @param remittanceText the unstructured remittance lines joined with spaces
 * @param returnReasonCode the ISO reason of a return or reversal, e.g. {@code AC04}, {@code AM04}, {@code MD06}
 */
public record TransactionDetails(
        @Nullable Money amount,
        @Nullable String endToEndId,
        @Nullable String mandateId,
        @Nullable String creditorId,
        @Nullable String counterpartyName,
        @Nullable String counterpartyAccount,
        @Nullable Iban counterpartyIban,
        @Nullable String counterpartyBic,
        @Nullable String remittanceText,
        @Nullable StructuredReference structuredReference,
        @Nullable String returnReasonCode) {

    /** Whether this transaction is a return or reversal with a reason code (a failed direct debit, a bounced transfer). */
    public boolean isReturn() {
        return returnReasonCode != null;
    }
}
