package io.creditflow.collection;

import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.RetentionCategory;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Closed collection cases go with their dossiers after the retention period (two years by default), counted from
 * closing. A case collected for a third party (WKI) never goes before its own retain-until date, whatever period the
 * tenant sets; a debtor under an active legal hold (another open case) keeps everything.
 */
@Component
class CollectionRetention implements RetentionCategory {

    private static final String DUE = """
            from collection_case c
             where c.status = 'CLOSED' and c.closed_at < {0}
               and (c.retain_until is null or c.retain_until < current_date)
               and not exists (select 1 from privacy_legal_hold h where h.tenant_id = c.tenant_id
                               and h.debtor_id = c.debtor_id and h.released_at is null)""";
    private final DSLContext dsl;
    private final List<CollectionAgency> agencies;

    CollectionRetention(DSLContext dsl, List<CollectionAgency> agencies) {
        this.dsl = dsl;
        this.agencies = agencies;
    }

    @Override
    public String category() {
        return "collection.closed-cases";
    }

    @Override
    public String description() {
        return "Closed collection cases with their stages, hand-offs and dossiers, counted from closing; cases "
                + "collected for a third party not before their WKI retain-until date";
    }

    @Override
    public int defaultDays() {
        return 2 * 365;
    }

    @Override
    public String ground() {
        return "Wet kwaliteit incassodienstverlening: collection dossiers are kept at least two years after closing; "
                + "after that they are no longer needed";
    }

    @Override
    public long due(OffsetDateTime cutoff) {
        return dsl.resultQuery("select count(*) " + DUE, cutoff).fetchOne(0, Long.class);
    }

    @Override
    public long remove(OffsetDateTime cutoff, SubjectEraser eraser) {
        List<UUID> ids = dsl.resultQuery("select c.id " + DUE + " limit 1000", cutoff).fetch(r -> r.get(0, UUID.class));
        if (ids.isEmpty()) {
            return 0;
        }
        UUID tenant = TenantContext.require();
        for (var h : dsl.resultQuery("select id, agency from collection_handoff where case_id = any({0}::uuid[])",
                (Object) ids.toArray(UUID[]::new)).fetch()) {
            agencies.stream().filter(a -> a.key().equals(h.get("agency", String.class)))
                    .forEach(a -> a.erase(tenant, h.get("id", UUID.class)));
        }
        return dsl.execute("delete from collection_case where id = any({0}::uuid[])", (Object) ids.toArray(UUID[]::new));
    }
}
