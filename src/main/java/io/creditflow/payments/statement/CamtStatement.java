package io.creditflow.payments.statement;

import io.creditflow.shared.Iban;
import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** One {@code Stmt} being read: identification, account and balances (which camt.053 gives before the entries). */
final class CamtStatement {

    private final String dialect;
    @Nullable String id;
    @Nullable String sequence;
    @Nullable String account;
    @Nullable String currency;
    @Nullable Balance opening;
    @Nullable Balance previousClosing;
    @Nullable Balance closing;
    @Nullable StatementHeader header;
    private @Nullable String balanceType;
    private @Nullable Money balanceAmount;
    private boolean balanceDebit;
    private @Nullable LocalDate balanceDate;

    CamtStatement(String dialect) {
        this.dialect = dialect;
    }

    /** Maps a path relative to {@code Stmt}; returns false for paths it does not know. */
    boolean text(String path, String value, @Nullable String ccy) {
        switch (path) {
            case "Id" -> id = value.strip();
            case "ElctrncSeqNb", "LglSeqNb" -> sequence = value.strip();
            case "Acct/Id/IBAN", "Acct/Id/Othr/Id" -> account = value.strip();
            case "Acct/Ccy" -> currency = value.strip();
            case "Bal/Tp/CdOrPrtry/Cd", "Bal/Tp/CdOrPrtry/Prtry" -> balanceType = value.strip();
            case "Bal/Amt" -> {
                if (ccy == null) {
                    throw new IllegalArgumentException("balance amount " + value + " has no Ccy attribute");
                }
                balanceAmount = Money.of(new BigDecimal(value.strip()), Currency.getInstance(ccy));
            }
            case "Bal/CdtDbtInd" -> balanceDebit = Camt053Parser.creditDebit(value) == CreditDebit.DEBIT;
            case "Bal/Dt/Dt", "Bal/Dt/DtTm" -> balanceDate = Camt053Parser.date(value);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** At the end of a {@code Bal}: OPBD opens, PRCD (previous closing) opens when no OPBD is given, CLBD closes. */
    void endBalance(String location) {
        if (balanceAmount == null || balanceDate == null || balanceType == null) {
            throw new StatementFormatException(location, "balance lacks its type, amount or date");
        }
        Balance balance = new Balance(balanceDebit ? balanceAmount.negate() : balanceAmount, balanceDate);
        switch (balanceType) {
            case "OPBD" -> opening = balance;
            case "PRCD" -> previousClosing = balance;
            case "CLBD" -> closing = balance;
            default -> {
                // available and forward balances (CLAV, FWAV, ITBD) do not take part in the check
            }
        }
        balanceType = null;
        balanceAmount = null;
        balanceDate = null;
        balanceDebit = false;
    }

    StatementHeader header(String location) {
        if (header != null) {
            return header;
        }
        Balance open = opening != null ? opening : previousClosing;
        if (id == null || account == null) {
            throw new StatementFormatException(location, "statement lacks its Id or account (Acct/Id)");
        }
        if (open == null) {
            throw new StatementFormatException(location, "statement " + id
                    + " has no opening balance (Bal with type OPBD or PRCD) before its entries");
        }
        Currency ccy = currency != null ? Currency.getInstance(currency) : open.amount().currency();
        Iban iban = Iban.isValid(account) ? Iban.parse(account) : null;
        String statementId = sequence == null ? id : id + "/" + sequence;
        header = new StatementHeader(StatementFormat.CAMT053, dialect, statementId, account, iban, ccy, open);
        return header;
    }
}
