package io.creditflow.payments;

import io.creditflow.payments.directdebit.DirectDebitCollections;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Direct debit for other modules: the pre-notifications messaging must send for a collection (after
 * {@link DirectDebitCollectionCreated}), and the confirmation that they went out.
 */
@Component
public class DirectDebits {

    /** One debtor's pre-notification: what will be collected, when, under which mandate. */
    public record PreNotification(UUID debtorId, String mandateReference, LocalDate collectionDate, BigDecimal amount,
                                  List<UUID> invoiceIds, boolean sent) {
    }

    private final DirectDebitCollections collections;

    DirectDebits(DirectDebitCollections collections) {
        this.collections = collections;
    }

    public List<PreNotification> preNotifications(UUID collectionId) {
        return collections.notices(collectionId).stream().map(n -> new PreNotification(n.debtorId(),
                n.mandateReference(), n.collectionDate(), n.amount(), n.invoiceIds(), n.notified())).toList();
    }

    public void preNotificationsSent(UUID collectionId, Collection<UUID> debtorIds) {
        collections.notified(collectionId, debtorIds);
    }
}
