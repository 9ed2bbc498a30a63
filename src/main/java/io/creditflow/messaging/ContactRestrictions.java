package io.creditflow.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Data subjects who must not be contacted (a restriction of processing under art. 18 GDPR, an objection). Checked by
 * the dunning run before it composes anything and again by the outbox right before sending, so a restriction set
 * after a message was queued still stops it (the message ends FAILED with reason "restricted").
 * <p>
 * The privacy module implements this; until it does, {@link #NONE} (nobody restricted) is used. A bean of this type
 * replaces it.
 */
public interface ContactRestrictions {

    /** The restricted ones among {@code subjects}, in the current tenant. */
    Set<UUID> restrictedAmong(Collection<UUID> subjects);

    ContactRestrictions NONE = subjects -> Set.of();
}
