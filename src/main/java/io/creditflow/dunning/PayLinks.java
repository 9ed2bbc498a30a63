package io.creditflow.dunning;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pay links for reminder e-mails: the payments module implements this (payments depends on dunning, so dunning asks
 * through this interface instead of calling payments). Until then {@link #NONE} applies: messages carry no link.
 * A link is made only for messages that are really sent, never for previews.
 */
public interface PayLinks {

    /**
     * A link with which the debtor pays these invoices online, or empty when none can be made (nothing open, not
     * payable online). Runs in the dunning run's transaction and must not fail it.
     */
    Optional<URI> linkFor(UUID debtorId, List<UUID> invoiceIds);

    /**
     * The same for a message that also reminds of payment-plan instalments ({@code instalmentIds}: the instalments'
     * item ids): the link pays what is open of those instalments, spread over their plans' invoices as a payment on
     * the plan, plus what is open on {@code invoiceIds}. Without a payments module, the invoices' link.
     */
    default Optional<URI> linkFor(UUID debtorId, List<UUID> invoiceIds, List<UUID> instalmentIds) {
        return linkFor(debtorId, invoiceIds);
    }

    /** What one message's link is for: as the arguments of {@link #linkFor(UUID, List, List)}. */
    record Request(UUID debtorId, List<UUID> invoiceIds, List<UUID> instalmentIds) {
    }

    /**
     * The links of many messages at once (a run's batch), in the order of the requests; the same links as one
     * {@code linkFor} call per request, in order, would make. By default exactly that.
     */
    default List<Optional<URI>> linksFor(List<Request> requests) {
        return requests.stream().map(r -> r.instalmentIds().isEmpty() ? linkFor(r.debtorId(), r.invoiceIds())
                : linkFor(r.debtorId(), r.invoiceIds(), r.instalmentIds())).toList();
    }

    PayLinks NONE = (debtorId, invoiceIds) -> Optional.empty();
}
