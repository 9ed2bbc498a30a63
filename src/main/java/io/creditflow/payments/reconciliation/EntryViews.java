package io.creditflow.payments.reconciliation;

import io.creditflow.audit.AuditEvent;
import io.creditflow.audit.AuditLog;
import io.creditflow.jooq.tables.records.BankEntryRecord;
import io.creditflow.payments.matching.Reason;
import io.creditflow.platform.NotFoundException;
import io.creditflow.platform.web.CursorPage;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.creditflow.jooq.Tables.BANK_ENTRY;
import static io.creditflow.jooq.Tables.BANK_ENTRY_SUGGESTION;
import static io.creditflow.jooq.Tables.INVOICE;
import static io.creditflow.jooq.Tables.PAYMENT;
import static io.creditflow.jooq.Tables.PAYMENT_ALLOCATION;

/**
 * Reads statement lines for the API and console, a page at a time, with their allocations and suggestions in three
 * queries per page. The payer's details are decrypted for display, and the read is audited.
 */
@Component
public class EntryViews {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final JsonMapper json;
    private final AuditLog audit;

    EntryViews(DSLContext dsl, PersonalDataVault vault, JsonMapper json, AuditLog audit) {
        this.dsl = dsl;
        this.vault = vault;
        this.json = json;
        this.audit = audit;
    }

    /** The lines of one import in file order, optionally only those in one state. */
    @Transactional
    public CursorPage<EntryView> ofImport(UUID importId, @Nullable String state, @Nullable String cursor, int limit) {
        Condition c = BANK_ENTRY.IMPORT_ID.eq(importId);
        if (state != null) {
            c = c.and(BANK_ENTRY.STATE.eq(state));
        }
        String after = CursorPage.decode(cursor);
        if (after != null) {
            c = c.and(BANK_ENTRY.SEQ.gt(Integer.parseInt(after)));
        }
        List<BankEntryRecord> rows = dsl.selectFrom(BANK_ENTRY).where(c).orderBy(BANK_ENTRY.SEQ).limit(limit + 1)
                .fetch();
        return page(rows, limit, r -> String.valueOf(r.seq()));
    }

    /** Everything waiting for a person, oldest booking first. */
    @Transactional
    public CursorPage<EntryView> queue(@Nullable String cursor, int limit) {
        Condition c = BANK_ENTRY.STATE.in("SUGGESTED", "UNMATCHED");
        String after = CursorPage.decode(cursor);
        if (after != null) {
            String[] parts = after.split("\\|");
            c = c.and(DSL.row(BANK_ENTRY.BOOKING_DATE, BANK_ENTRY.ID).gt(LocalDate.parse(parts[0]),
                    UUID.fromString(parts[1])));
        }
        List<BankEntryRecord> rows = dsl.selectFrom(BANK_ENTRY).where(c).orderBy(BANK_ENTRY.BOOKING_DATE, BANK_ENTRY.ID)
                .limit(limit + 1).fetch();
        return page(rows, limit, r -> r.bookingDate() + "|" + r.id());
    }

    @Transactional
    public EntryView get(UUID entryId) {
        BankEntryRecord row = dsl.selectFrom(BANK_ENTRY).where(BANK_ENTRY.ID.eq(entryId)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("Bank statement entry", entryId));
        return views(List.of(row)).getFirst();
    }

    public int waiting() {
        return dsl.fetchCount(BANK_ENTRY, BANK_ENTRY.STATE.in("SUGGESTED", "UNMATCHED"));
    }

    private CursorPage<EntryView> page(List<BankEntryRecord> rows, int limit,
                                       java.util.function.Function<EntryView, String> key) {
        return CursorPage.of(views(rows), limit, key);
    }

    /**
     * Every read of entries is audited with the debtors they were matched to (the payer's details are personal data
     * of that debtor); entries matched to nobody are counted.
     */
    private void audited(List<BankEntryRecord> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> debtors = rows.stream().map(BankEntryRecord::getDebtorId).filter(java.util.Objects::nonNull)
                .distinct().map(UUID::toString).toList();
        AuditEvent event = AuditEvent.of("bank-entries.read", "bank-entry", rows.size() == 1
                ? rows.getFirst().getId().toString() : "list").detail("count", rows.size());
        if (debtors.size() == 1) {
            event = event.subject(UUID.fromString(debtors.getFirst()));
        } else if (!debtors.isEmpty()) {
            event = event.detail("debtors", String.join(",", debtors));
        }
        audit.record(event);
    }

    private List<EntryView> views(List<BankEntryRecord> rows) {
        List<UUID> ids = rows.stream().map(BankEntryRecord::getId).toList();
        Map<UUID, List<EntryView.Allocated>> allocations = allocations(ids);
        Map<UUID, BigDecimal> credited = new HashMap<>();
        dsl.select(PAYMENT.SOURCE_ID, PAYMENT.CREDITED).from(PAYMENT).where(PAYMENT.SOURCE.eq("BANK"))
                .and(PAYMENT.SOURCE_ID.in(ids)).and(PAYMENT.STATUS.eq("APPLIED"))
                .forEach(r -> credited.merge(r.value1(), r.value2(), BigDecimal::add));
        Map<UUID, List<EntryView.Suggestion>> suggestions = suggestions(ids);
        List<EntryView> views = new ArrayList<>(rows.size());
        audited(rows);
        for (BankEntryRecord r : rows) {
            Map<String, String> details = details(r);
            views.add(new EntryView(r.getId(), r.getImportId(), r.getSeq(), r.getLineNumber(), r.getEntryRef(),
                    r.getTxIndex(), r.getBookingDate(), r.getValueDate(), r.getAmount(), r.getCurrency(),
                    r.getDirection(), r.getReversal(), r.getKind(), r.getState(), r.getBankCode(),
                    r.getEndToEndId(), r.getMandateId(), r.getReturnReason(), r.getStructuredRef(),
                    details.get("name"), details.get("account"), details.get("remittance"), details.get("info"),
                    r.getDebtorId(), r.getConfidence(), reasons(r.getReasons()), r.getDuplicateOf(),
                    r.getDecidedBy(), allocations.getOrDefault(r.getId(), List.of()),
                    credited.getOrDefault(r.getId(), BigDecimal.ZERO.setScale(2)),
                    suggestions.getOrDefault(r.getId(), List.of())));
        }
        return views;
    }

    private Map<UUID, List<EntryView.Allocated>> allocations(List<UUID> entryIds) {
        Map<UUID, List<EntryView.Allocated>> result = new HashMap<>();
        dsl.select(PAYMENT.SOURCE_ID, PAYMENT_ALLOCATION.INVOICE_ID, INVOICE.NUMBER, PAYMENT_ALLOCATION.TO_COSTS,
                        PAYMENT_ALLOCATION.TO_INTEREST, PAYMENT_ALLOCATION.TO_PRINCIPAL, PAYMENT_ALLOCATION.WRITTEN_OFF,
                        PAYMENT_ALLOCATION.BASIS)
                .from(PAYMENT).join(PAYMENT_ALLOCATION).on(PAYMENT_ALLOCATION.TENANT_ID.eq(PAYMENT.TENANT_ID)
                        .and(PAYMENT_ALLOCATION.PAYMENT_ID.eq(PAYMENT.ID)))
                .join(INVOICE).on(INVOICE.TENANT_ID.eq(PAYMENT_ALLOCATION.TENANT_ID)
                        .and(INVOICE.ID.eq(PAYMENT_ALLOCATION.INVOICE_ID)))
                .where(PAYMENT.SOURCE.eq("BANK")).and(PAYMENT.SOURCE_ID.in(entryIds)).and(PAYMENT.STATUS.eq("APPLIED"))
                .orderBy(PAYMENT_ALLOCATION.POSITION)
                .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new EntryView.Allocated(
                        r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8())));
        return result;
    }

    private Map<UUID, List<EntryView.Suggestion>> suggestions(List<UUID> entryIds) {
        Map<UUID, List<EntryView.Suggestion>> result = new HashMap<>();
        var rows = dsl.selectFrom(BANK_ENTRY_SUGGESTION).where(BANK_ENTRY_SUGGESTION.ENTRY_ID.in(entryIds))
                .orderBy(BANK_ENTRY_SUGGESTION.ENTRY_ID, BANK_ENTRY_SUGGESTION.RANK).fetch();
        List<UUID> invoiceIds = rows.stream().flatMap(r -> java.util.Arrays.stream(r.getInvoiceIds())).distinct()
                .toList();
        Map<UUID, String> numbers = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            dsl.select(INVOICE.ID, INVOICE.NUMBER).from(INVOICE).where(INVOICE.ID.in(invoiceIds))
                    .forEach(r -> numbers.put(r.value1(), r.value2()));
        }
        for (var r : rows) {
            List<UUID> invoices = List.of(r.getInvoiceIds());
            result.computeIfAbsent(r.getEntryId(), k -> new ArrayList<>()).add(new EntryView.Suggestion(r.getRank(),
                    r.getDebtorId(), invoices, invoices.stream().map(i -> numbers.getOrDefault(i, "?")).toList(),
                    r.getConfidence(), reasons(r.getReasons())));
        }
        return result;
    }

    private Map<String, String> details(BankEntryRecord r) {
        if (r.getDetails() == null) {
            return Map.of();
        }
        return vault.decrypt(r.getImportId(), EntryStore.DETAILS_PLACE + "/" + r.getId(), r.getDetails())
                .map(text -> json.readValue(text, DETAILS)).orElse(Map.of());
    }

    List<Reason> reasons(@Nullable String text) {
        return text == null ? List.of() : json.readValue(text, REASONS);
    }
}
