package io.creditflow.payments.reconciliation;

import io.creditflow.payments.PaymentSettings;
import io.creditflow.payments.directdebit.DirectDebitItems;
import io.creditflow.payments.matching.CandidateSource;
import io.creditflow.payments.matching.MatchOutcome;
import io.creditflow.payments.matching.Proposal;
import io.creditflow.payments.matching.Reason;
import io.creditflow.payments.statement.StatementHeader;
import io.creditflow.payments.statement.StatementTotals;
import io.creditflow.platform.TenantContext;
import io.creditflow.privacy.BlindIndex;
import io.creditflow.privacy.PersonalDataVault;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.creditflow.jooq.Tables.BANK_STATEMENT;
import static io.creditflow.jooq.Tables.PAYER_ACCOUNT;

/** The database-facing steps of an import, shared by every {@link ImportRun}. */
@Component
class ImportSteps {

    /** Evidence strong enough that the paying account may be remembered for the debtor. */
    private static final Set<String> NAMING_EVIDENCE = Set.of("endToEnd", "reference", "referenceInText");

    private final DatabaseCandidates candidates;
    private final EntryStore store;
    private final Returns returns;
    private final PaymentApplication application;
    private final DirectDebitItems directDebits;
    private final PersonalDataVault vault;
    private final DSLContext dsl;

    ImportSteps(DatabaseCandidates candidates, EntryStore store, Returns returns, PaymentApplication application,
                DirectDebitItems directDebits, PersonalDataVault vault, DSLContext dsl) {
        this.candidates = candidates;
        this.store = store;
        this.returns = returns;
        this.application = application;
        this.directDebits = directDebits;
        this.vault = vault;
        this.dsl = dsl;
    }

    CandidateSource candidates() {
        return candidates;
    }

    EntryStore store() {
        return store;
    }

    Returns returns() {
        return returns;
    }

    /** Applies the best proposal when it is certain enough, else queues the entry with its best suggestions. */
    EntryStore.Decision applyOrQueue(StatementLine line, MatchOutcome outcome, PaymentSettings settings) {
        Proposal best = outcome.best();
        if (best == null) {
            return new EntryStore.Decision(line.id(), "UNMATCHED", null, null, outcome.notes(), List.of());
        }
        List<Proposal> suggestions = outcome.proposals().stream().limit(3).toList();
        if (!outcome.automatic(settings.autoApplyThreshold())) {
            return new EntryStore.Decision(line.id(), "SUGGESTED", best.debtorId(),
                    EntryStore.confidence(best.confidence()), best.reasons(), suggestions);
        }
        Optional<PaymentApplication.Applied> applied = application.apply(request(line, best, false,
                collectionEndToEnd(line, best)), settings);
        if (applied.isEmpty()) {
            List<Reason> reasons = new ArrayList<>(best.reasons());
            reasons.add(Reason.of("nothingOpenAnyMore"));
            return new EntryStore.Decision(line.id(), "SUGGESTED", best.debtorId(),
                    EntryStore.confidence(best.confidence()), reasons, suggestions);
        }
        afterApplied(line, best);
        return new EntryStore.Decision(line.id(), "APPLIED", best.debtorId(), EntryStore.confidence(best.confidence()),
                withOutcome(best.reasons(), applied.get()), List.of());
    }

    Optional<PaymentApplication.Applied> applyRequest(PaymentApplication.Request request, PaymentSettings settings) {
        return application.apply(request, settings);
    }

    /**
     * The ledger reference: for one of our direct-debit collections {@code dd:<end-to-end id>}, which is how a later
     * return finds exactly the payment it undoes; otherwise the bank's entry reference.
     */
    static PaymentApplication.Request request(StatementLine line, Proposal proposal, boolean manual,
                                              @org.jspecify.annotations.Nullable String collection) {
        return new PaymentApplication.Request(proposal.debtorId(), proposal.invoiceIds(), line.amount().amount(),
                line.amount().currency().getCurrencyCode(), line.entry().bookingDate(), PaymentApplication.Source.BANK,
                line.id(), collection != null ? "dd:" + collection : "bank " + line.entryRef(), manual,
                collection != null ? "direct debit" : "bank statement");
    }

    private static @org.jspecify.annotations.Nullable String collectionEndToEnd(StatementLine line, Proposal best) {
        var tx = line.details();
        boolean ours = best.reasons().stream().anyMatch(r -> r.code().equals("endToEnd"));
        return ours && tx != null ? tx.endToEndId() : null;
    }

    static List<Reason> withOutcome(List<Reason> reasons, PaymentApplication.Applied applied) {
        List<Reason> all = new ArrayList<>(reasons);
        if (applied.credited().signum() > 0) {
            all.add(Reason.of("credited", applied.credited().toPlainString()));
        }
        if (applied.writtenOff().signum() > 0) {
            all.add(Reason.of("writtenOff", applied.writtenOff().toPlainString()));
        }
        return all;
    }

    private void afterApplied(StatementLine line, Proposal best) {
        var tx = line.details();
        List<String> codes = best.reasons().stream().map(Reason::code).toList();
        if (tx != null && tx.endToEndId() != null && codes.contains("endToEnd")) {
            directDebits.collected(tx.endToEndId(), line.id());
        }
        if (tx != null && tx.counterpartyIban() != null && codes.contains("accountUnknown")
                && codes.stream().anyMatch(NAMING_EVIDENCE::contains)) {
            learnAccount(tx.counterpartyIban().value(), best.debtorId(), "REFERENCE");
        }
    }

    void learnAccount(String iban, UUID debtorId, String how) {
        dsl.insertInto(PAYER_ACCOUNT).set(PAYER_ACCOUNT.TENANT_ID, TenantContext.require())
                .set(PAYER_ACCOUNT.IBAN_INDEX, vault.blindIndex(BlindIndex.IBAN, iban))
                .set(PAYER_ACCOUNT.DEBTOR_ID, debtorId).set(PAYER_ACCOUNT.LEARNED, how).onConflictDoNothing()
                .execute();
    }

    void statement(UUID importId, int seq, StatementHeader header, StatementTotals totals) {
        dsl.insertInto(BANK_STATEMENT).set(BANK_STATEMENT.TENANT_ID, TenantContext.require())
                .set(BANK_STATEMENT.IMPORT_ID, importId).set(BANK_STATEMENT.SEQ, seq)
                .set(BANK_STATEMENT.STATEMENT_REF, header.statementId())
                .set(BANK_STATEMENT.ACCOUNT, header.accountIban() != null ? header.accountIban().value()
                        : header.account())
                .set(BANK_STATEMENT.CURRENCY, header.currency().getCurrencyCode())
                .set(BANK_STATEMENT.OPENING, header.opening() == null ? null : header.opening().amount().amount())
                .set(BANK_STATEMENT.OPENING_DATE, header.opening() == null ? null : header.opening().date())
                .set(BANK_STATEMENT.CLOSING, totals.closing() == null ? null : totals.closing().amount().amount())
                .set(BANK_STATEMENT.CLOSING_DATE, totals.closing() == null ? null : totals.closing().date())
                .set(BANK_STATEMENT.ENTRIES, totals.entries()).set(BANK_STATEMENT.CREDITS, totals.credits().amount())
                .set(BANK_STATEMENT.DEBITS, totals.debits().amount()).execute();
    }
}
