package io.creditflow.payments.reconciliation;

import io.creditflow.payments.matching.CandidateSource;
import io.creditflow.payments.matching.DigitKeyIndex;
import io.creditflow.payments.matching.OpenItem;
import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.receivables.Debtors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.DD_ITEM;
import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PAYER_ACCOUNT;

/**
 * Matching's lookups in the current tenant's database, one statement per kind of key for a whole chunk of payments
 * ({@code = any(array)} on indexed keys), so a chunk of a thousand payments costs a handful of index scans.
 */
@Component
class DatabaseCandidates implements CandidateSource {

    private final DSLContext dsl;
    private final Debtors debtors;
    private final PersonalDataVault vault;
    private final DigitKeyIndexCache indexCache;

    DatabaseCandidates(DSLContext dsl, Debtors debtors, PersonalDataVault vault, DigitKeyIndexCache indexCache) {
        this.dsl = dsl;
        this.debtors = debtors;
        this.vault = vault;
        this.indexCache = indexCache;
    }

    @Override
    public Map<String, List<OpenItem>> byReference(Set<String> references) {
        return byKey(INVOICE.PAYMENT_REFERENCE, references);
    }

    @Override
    public Map<String, List<OpenItem>> byNumberKey(Set<String> keys) {
        return byKey(OpenItemRows.NUMBER_KEY, keys);
    }

    @Override
    public Map<String, List<OpenItem>> byDigitsKey(Set<String> keys) {
        return byKey(OpenItemRows.DIGITS_KEY, keys);
    }

    private Map<String, List<OpenItem>> byKey(Field<String> key, Set<String> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<String, List<OpenItem>> result = new HashMap<>();
        List<org.jooq.SelectField<?>> fields = new ArrayList<>(OpenItemRows.FIELDS);
        fields.add(key.as("match_key"));
        for (Record r : dsl.select(fields).from(INVOICE)
                .where(key.eq(DSL.any(DSL.val(values.toArray(String[]::new), SQLDataType.VARCHAR.array()))))
                .and(INVOICE.KIND.eq("INVOICE")).fetch()) {
            result.computeIfAbsent(r.get("match_key", String.class), k -> new ArrayList<>())
                    .add(OpenItemRows.toItem(r));
        }
        return result;
    }

    @Override
    public Map<String, Designation> byEndToEndId(Set<String> endToEndIds) {
        Map<String, Designation> result = new HashMap<>();
        List<org.jooq.SelectField<?>> fields = new ArrayList<>(OpenItemRows.FIELDS);
        fields.add(DD_ITEM.END_TO_END_ID);
        for (Record r : dsl.select(fields).from(DD_ITEM).join(INVOICE).on(INVOICE.TENANT_ID.eq(DD_ITEM.TENANT_ID).and(INVOICE.ID.eq(DD_ITEM.INVOICE_ID)))
                .where(DD_ITEM.END_TO_END_ID.eq(DSL.any(DSL.val(endToEndIds.toArray(String[]::new),
                        SQLDataType.VARCHAR.array())))).fetch()) {
            OpenItem item = OpenItemRows.toItem(r);
            result.put(r.get(DD_ITEM.END_TO_END_ID), new Designation(item.debtorId(), List.of(item)));
        }
        return result;
    }

    @Override
    public Map<String, Set<UUID>> debtorsByIban(Set<String> ibans) {
        Map<String, Set<UUID>> result = new HashMap<>();
        debtors.idsMatchingEach(BlindIndex.IBAN, ibans, 20).forEach((iban, ids) ->
                result.computeIfAbsent(iban, k -> new HashSet<>()).addAll(ids));
        Map<ByteKey, String> byDigest = new HashMap<>();
        for (String iban : ibans) {
            byDigest.put(new ByteKey(vault.blindIndex(BlindIndex.IBAN, iban)), iban);
        }
        byte[][] digests = byDigest.keySet().stream().map(ByteKey::bytes).toArray(byte[][]::new);
        dsl.select(PAYER_ACCOUNT.IBAN_INDEX, PAYER_ACCOUNT.DEBTOR_ID).from(PAYER_ACCOUNT)
                .where(PAYER_ACCOUNT.IBAN_INDEX.eq(DSL.any(DSL.val(digests, SQLDataType.BLOB.array()))))
                .forEach(r -> result.computeIfAbsent(byDigest.get(new ByteKey(r.value1())), k -> new HashSet<>())
                        .add(r.value2()));
        return result;
    }

    @Override
    public Map<String, WordHits> debtorsByNameWord(Set<String> words, int limit) {
        Map<String, WordHits> result = new HashMap<>();
        debtors.idsMatchingEach(BlindIndex.NAME_WORD, words, limit).forEach((word, ids) ->
                result.put(word, ids.size() > limit ? new WordHits(Set.of(), true) : new WordHits(Set.copyOf(ids),
                        false)));
        return result;
    }

    @Override
    public Map<UUID, List<OpenItem>> openItemsOfDebtors(Collection<UUID> debtorIds, int limitPerDebtor) {
        if (debtorIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<OpenItem>> result = new LinkedHashMap<>();
        dsl.resultQuery("""
                        select i.id, i.debtor_id, i.number, i.payment_reference, i.currency, i.issue_date, i.due_date,
                               i.amount, i.open_principal, i.open_costs, i.open_interest, i.status
                          from unnest({0}::uuid[]) as d(id)
                          cross join lateral (select * from invoice
                                               where tenant_id = current_tenant() and debtor_id = d.id
                                                 and kind = 'INVOICE'
                                                 and status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED', 'IN_COLLECTION')
                                               order by due_date, id limit {1}) i""",
                        DSL.val(debtorIds.toArray(UUID[]::new)), limitPerDebtor)
                .forEach(r -> result.computeIfAbsent(r.get(1, UUID.class), k -> new ArrayList<>())
                        .add(new OpenItem(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, String.class),
                                r.get(3, String.class), r.get(4, String.class), r.get(5, java.time.LocalDate.class),
                                r.get(6, java.time.LocalDate.class), r.get(7, java.math.BigDecimal.class),
                                r.get(8, java.math.BigDecimal.class), r.get(9, java.math.BigDecimal.class),
                                r.get(10, java.math.BigDecimal.class), true)));
        return result;
    }

    @Override
    public DigitKeyIndex digitKeyIndex() {
        return indexCache.get(TenantContext.require());
    }

    /** Byte arrays as map keys. */
    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
