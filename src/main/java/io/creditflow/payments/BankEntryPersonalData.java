package io.creditflow.payments;

import io.creditflow.payments.reconciliation.StatementImports;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.DataSubject;
import io.creditflow.privacy.ErasureReport;
import io.creditflow.privacy.ErasureScope;
import io.creditflow.privacy.ExportSection;
import io.creditflow.privacy.PersonalDataContributor;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.jooq.tables.records.BankEntryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.creditflow.jooq.Tables.BANK_ENTRY;
import static io.creditflow.jooq.Tables.BANK_ENTRY_SUGGESTION;
import static io.creditflow.jooq.Tables.PAYER_ACCOUNT;

/**
 * Bank statement lines about the person: those matched to them and those paid from one of their accounts (found by
 * the blind index of the IBANs the person is known by), with the payer's name, account and remittance text (encrypted
 * under the import's key, not the debtor's: a statement line exists before anyone knows whose it is, so erasure must
 * remove it here), and the accounts learned as paying for them. Erasure keeps each line's amount, date and references
 * as a bookkeeping record of money received and removes the payer's details, the account digests and the match
 * suggestions; under a legal hold the details stay as evidence of what was paid.
 */
@Component
class BankEntryPersonalData implements PersonalDataContributor {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };
    static final String FISCAL = "Fiscal retention (art. 52 AWR, 7 years): payments received are bookkeeping records";

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private final JsonMapper json;
    private final Clock clock;

    BankEntryPersonalData(DSLContext dsl, PersonalDataVault vault, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.dsl = dsl;
        this.vault = vault;
        this.json = json;
    }

    @Override
    public String section() {
        return "payments.bank-entries";
    }

    @Override
    public ProcessingActivity activity() {
        return new ProcessingActivity("Payment reconciliation", "Matching payments received to the debtors' invoices",
                "Debtors and the people who pay for them", List.of("name", "bank account", "remittance text",
                "payments received"));
    }

    private List<byte[]> accounts(DataSubject subject) {
        return subject.values(BlindIndex.IBAN).stream().map(v -> vault.blindIndex(BlindIndex.IBAN, v)).toList();
    }

    private Condition about(DataSubject subject) {
        return BANK_ENTRY.DEBTOR_ID.eq(subject.debtorId()).or(BANK_ENTRY.PAYER_IBAN_INDEX.in(accounts(subject)));
    }

    @Override
    public ExportSection export(DataSubject subject) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (BankEntryRecord r : dsl.selectFrom(BANK_ENTRY).where(about(subject))
                .orderBy(BANK_ENTRY.BOOKING_DATE, BANK_ENTRY.ID).fetch()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", "BANK_ENTRY");
            m.put("id", r.getId().toString());
            m.put("bookingDate", r.getBookingDate().toString());
            m.put("amount", r.getAmount().setScale(2).toPlainString());
            m.put("currency", r.getCurrency());
            m.put("direction", r.getDirection());
            m.put("kind", r.getKind());
            m.put("state", r.getState());
            m.put("matchedToYou", subject.debtorId().equals(r.getDebtorId()));
            m.put("endToEndId", r.getEndToEndId());
            m.put("structuredReference", r.getStructuredRef());
            m.put("returnReason", r.getReturnReason());
            Map<String, String> d = r.getDetails() == null ? Map.of() : vault.decrypt(r.getImportId(),
                    StatementImports.DETAILS_PLACE + "/" + r.getId(), r.getDetails())
                    .map(t -> json.readValue(t, DETAILS)).orElse(Map.of());
            m.put("payerName", d.get("name"));
            m.put("payerAccount", d.get("account"));
            m.put("payerBic", d.get("bic"));
            m.put("remittance", d.get("remittance"));
            m.put("information", d.get("info"));
            records.add(m);
        }
        dsl.resultQuery("select learned, created_at from payer_account where debtor_id = {0} order by created_at",
                subject.debtorId()).forEach(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("record", "LEARNED_ACCOUNT");
                    m.put("learned", r.get(0, String.class));
                    m.put("learnedAt", r.get(1, java.time.OffsetDateTime.class).toString());
                    records.add(m);
                });
        return new ExportSection(section(), "Payments received from you", "Matching your payments to your invoices "
                + "(collecting payment)", "The controller's bank statements", List.of("BANK"), records);
    }

    @Override
    public ErasureReport erase(DataSubject subject, ErasureScope scope) {
        var report = ErasureReport.of(section());
        int learned = dsl.deleteFrom(PAYER_ACCOUNT).where(PAYER_ACCOUNT.DEBTOR_ID.eq(subject.debtorId())
                .or(PAYER_ACCOUNT.IBAN_INDEX.in(accounts(subject)))).execute();
        int suggestions = dsl.deleteFrom(BANK_ENTRY_SUGGESTION)
                .where(BANK_ENTRY_SUGGESTION.DEBTOR_ID.eq(subject.debtorId())).execute();
        report.deleted("accounts learned as paying for you (search digests)", learned)
                .deleted("match suggestions naming you", suggestions);
        dsl.execute("update debtor_credit set note = null where debtor_id = {0} and note is not null",
                subject.debtorId());
        if (scope.legalHold()) {
            int kept = dsl.fetchCount(BANK_ENTRY, about(subject));
            return report.kept("bank statement lines with the payer's details (encrypted): evidence of what was paid "
                    + "on the claim", kept, "GDPR art. 17(3)(e): defence of a legal claim", null).build();
        }
        int minimised = dsl.update(BANK_ENTRY).setNull(BANK_ENTRY.DETAILS).setNull(BANK_ENTRY.PAYER_IBAN_INDEX)
                .where(about(subject)).execute();
        return report.minimised("bank statement lines: amount, date and references kept; payer's name, account and "
                + "remittance text removed", minimised, FISCAL, LocalDate.now(clock).plusYears(7)).build();
    }
}
