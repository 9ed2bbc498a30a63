package io.creditflow.payments.directdebit;

import io.creditflow.shared.Money;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one pain.008 file says: who collects, under which scheme, and the collections. The file may mix
 * sequence types and collection dates; the writer groups them into payment information blocks.
 *
 * @param createdAt the creation time written as CreDtTm, from the caller's clock
 */
public record DirectDebitInitiation(
        String messageId,
        LocalDateTime createdAt,
        String initiatingPartyName,
        DirectDebitCreditor creditor,
        LocalInstrument localInstrument,
        List<DirectDebitTransaction> transactions) {

    public DirectDebitInitiation {
        SepaText.identifier(Objects.requireNonNull(messageId, "messageId"), "Message id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(creditor, "creditor");
        Objects.requireNonNull(localInstrument, "localInstrument");
        transactions = List.copyOf(transactions);
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("A direct debit file needs at least one collection");
        }
        if (SepaText.text(Objects.requireNonNull(initiatingPartyName, "initiatingPartyName"), 70).isEmpty()) {
            throw new IllegalArgumentException("The initiating party needs a name");
        }
        Set<String> endToEndIds = new HashSet<>();
        for (DirectDebitTransaction transaction : transactions) {
            if (!endToEndIds.add(transaction.endToEndId())) {
                throw new IllegalArgumentException("End-to-end id " + transaction.endToEndId()
                        + " occurs twice; returns could not be told apart");
            }
        }
    }

    /** The sum of all collections: the file's CtrlSum. */
    public Money controlSum() {
        return transactions.stream().map(DirectDebitTransaction::amount).reduce(Money.zero(Money.EUR), Money::plus);
    }
}
