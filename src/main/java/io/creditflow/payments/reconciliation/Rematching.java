package io.creditflow.payments.reconciliation;

import io.creditflow.jooq.tables.records.BankEntryRecord;
import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.matching.MatchOutcome;
import io.creditflow.payments.matching.Matcher;
import io.creditflow.payments.matching.OpenAmounts;
import io.creditflow.payments.matching.PaymentItem;
import io.creditflow.payments.matching.Reason;
import io.creditflow.privacy.PersonalDataVault;
import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.creditflow.jooq.Tables.BANK_ENTRY;
import static io.creditflow.jooq.Tables.BANK_ENTRY_SUGGESTION;

/**
 * Matches the waiting payments again: an invoice registered after its payment arrived (a prepayment, an invoice
 * imported late) makes a waiting payment certain. Only lines nobody decided on are touched; a person's decision is
 * never undone or redone by automation.
 */
@Component
class Rematching {

    static final int BATCH = 1000;
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final DatabaseCandidates candidates;
    private final ImportSteps steps;
    private final PaymentSettingsStore settings;
    private final PersonalDataVault vault;
    private final JsonMapper json;

    Rematching(DSLContext dsl, DatabaseCandidates candidates, ImportSteps steps, PaymentSettingsStore settings,
               PersonalDataVault vault, JsonMapper json) {
        this.dsl = dsl;
        this.candidates = candidates;
        this.steps = steps;
        this.settings = settings;
        this.vault = vault;
        this.json = json;
    }

    /** Re-matches up to {@link #BATCH} waiting payments booked since {@code since}; returns how many were applied. */
    @Transactional
    public int rematch(OffsetDateTime since) {
        List<BankEntryRecord> waiting = dsl.selectFrom(BANK_ENTRY)
                .where(BANK_ENTRY.STATE.in("SUGGESTED", "UNMATCHED")).and(BANK_ENTRY.DECIDED_BY.isNull())
                .and(BANK_ENTRY.KIND.eq("PAYMENT")).and(BANK_ENTRY.BOOKED.isTrue())
                .and(BANK_ENTRY.CREATED_AT.ge(since)).orderBy(BANK_ENTRY.BOOKING_DATE, BANK_ENTRY.ID).limit(BATCH)
                .forUpdate().skipLocked().fetch();
        if (waiting.isEmpty()) {
            return 0;
        }
        PaymentSettings current = settings.current();
        Matcher matcher = new Matcher(candidates, new Matcher.Settings(current.autoApplyThreshold(),
                current.writeOffTolerance()));
        List<MatchOutcome> outcomes = matcher.match(waiting.stream().map(this::item).toList(), new OpenAmounts());
        int applied = 0;
        for (int i = 0; i < waiting.size(); i++) {
            BankEntryRecord entry = waiting.get(i);
            MatchOutcome outcome = outcomes.get(i);
            if (outcome.automatic(current.autoApplyThreshold())) {
                var request = new PaymentApplication.Request(outcome.best().debtorId(), outcome.best().invoiceIds(),
                        entry.getAmount(), entry.getCurrency(), entry.getBookingDate(), PaymentApplication.Source.BANK,
                        entry.getId(), "bank " + entry.getEntryRef(), false, "matched again");
                Optional<PaymentApplication.Applied> done = steps.applyRequest(request, current);
                if (done.isPresent()) {
                    List<Reason> reasons = new ArrayList<>(ImportSteps.withOutcome(outcome.best().reasons(),
                            done.get()));
                    reasons.add(Reason.of("matchedAgain"));
                    dsl.deleteFrom(BANK_ENTRY_SUGGESTION).where(BANK_ENTRY_SUGGESTION.ENTRY_ID.eq(entry.getId()))
                            .execute();
                    steps.store().decide(List.of(new EntryStore.Decision(entry.getId(), "APPLIED",
                            outcome.best().debtorId(), EntryStore.confidence(outcome.best().confidence()), reasons,
                            List.of())));
                    applied++;
                }
            }
        }
        return applied;
    }

    private PaymentItem item(BankEntryRecord entry) {
        Map<String, String> details = entry.getDetails() == null ? Map.of()
                : vault.decrypt(entry.getImportId(), EntryStore.DETAILS_PLACE + "/" + entry.getId(), entry.getDetails())
                .map(text -> json.readValue(text, DETAILS)).orElse(Map.of());
        String account = details.get("account");
        String remittance = details.getOrDefault("remittance", details.get("info"));
        return new PaymentItem(Money.of(entry.getAmount(), Currency.getInstance(entry.getCurrency())),
                entry.getBookingDate(), entry.getEndToEndId(), entry.getStructuredRef(), remittance,
                details.get("name"), account != null && Iban.isValid(account) ? Iban.parse(account).value() : null);
    }
}
