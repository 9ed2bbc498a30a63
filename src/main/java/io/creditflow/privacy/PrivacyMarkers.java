package io.creditflow.privacy;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.PRIVACY_ERASURE;

/**
 * What every page and API response that shows a debtor's data must show with it: that the person contests some of it
 * (per field), that processing is restricted, that an erasure waits for a legal hold. One call per debtor, or one per
 * page of debtors.
 */
@Component
public class PrivacyMarkers {

    public record Markers(Restrictions.@Nullable Restriction restriction, Set<String> contestedFields,
                          boolean erasurePending) {

        public static final Markers NONE = new Markers(null, Set.of(), false);

        public boolean restricted() {
            return restriction != null;
        }

        public boolean contested(String field) {
            return contestedFields.contains(field);
        }

        public boolean anyContested() {
            return !contestedFields.isEmpty();
        }

        public boolean any() {
            return restricted() || anyContested() || erasurePending;
        }
    }

    private final Restrictions restrictions;
    private final Contests contests;
    private final org.jooq.DSLContext dsl;

    PrivacyMarkers(Restrictions restrictions, Contests contests, org.jooq.DSLContext dsl) {
        this.restrictions = restrictions;
        this.contests = contests;
        this.dsl = dsl;
    }

    public Markers of(UUID debtorId) {
        return new Markers(restrictions.restriction(debtorId).orElse(null), contests.contestedFields(debtorId),
                dsl.fetchExists(PRIVACY_ERASURE, PRIVACY_ERASURE.DEBTOR_ID.eq(debtorId)
                        .and(PRIVACY_ERASURE.STATUS.eq("PENDING_HOLD"))));
    }

    /** Markers for a page of debtors in three queries; debtors without any are absent. */
    public Map<UUID, Markers> among(Collection<UUID> debtorIds) {
        if (debtorIds.isEmpty()) {
            return Map.of();
        }
        Set<UUID> restricted = restrictions.restrictedAmong(debtorIds);
        Map<UUID, Set<String>> contested = contests.openAmong(debtorIds);
        Set<UUID> pending = dsl.select(PRIVACY_ERASURE.DEBTOR_ID).from(PRIVACY_ERASURE)
                .where(PRIVACY_ERASURE.DEBTOR_ID.in(debtorIds)).and(PRIVACY_ERASURE.STATUS.eq("PENDING_HOLD"))
                .fetchSet(PRIVACY_ERASURE.DEBTOR_ID);
        Map<UUID, Markers> result = new java.util.HashMap<>();
        for (UUID id : debtorIds) {
            if (restricted.contains(id) || contested.containsKey(id) || pending.contains(id)) {
                result.put(id, new Markers(restricted.contains(id) ? restrictions.restriction(id).orElse(null) : null,
                        contested.getOrDefault(id, Set.of()), pending.contains(id)));
            }
        }
        return result;
    }
}
