package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** One {@code Ntry} being read: its own fields and the transactions finished so far. */
final class CamtEntry {

    static final int MAX_TRANSACTIONS = 100_000;

    final long line;
    @Nullable Money amount;
    @Nullable CreditDebit creditDebit;
    boolean reversal;
    EntryStatus status = EntryStatus.BOOKED;
    @Nullable LocalDate bookingDate;
    @Nullable LocalDate valueDate;
    @Nullable String accountServicerReference;
    @Nullable String entryRef;
    @Nullable String domain;
    @Nullable String family;
    @Nullable String subFamily;
    @Nullable String proprietaryCode;
    @Nullable String additionalInfo;
    boolean batch;
    @Nullable Integer batchSize;
    @Nullable CamtTransaction transaction;
    final List<CamtTransaction> transactions = new ArrayList<>(1);

    CamtEntry(long line) {
        this.line = line;
    }

    /** Maps a path relative to {@code Ntry}; returns false for paths it does not know. */
    boolean text(String path, String value, @Nullable String currency) {
        switch (path) {
            case "Amt" -> amount = Money.of(new BigDecimal(value.strip()), currency(currency, value));
            case "CdtDbtInd" -> creditDebit = Camt053Parser.creditDebit(value);
            case "RvslInd" -> reversal = Boolean.parseBoolean(value.strip());
            case "Sts", "Sts/Cd" -> status = EntryStatus.fromIsoCode(value);
            case "BookgDt/Dt", "BookgDt/DtTm" -> bookingDate = Camt053Parser.date(value);
            case "ValDt/Dt", "ValDt/DtTm" -> valueDate = Camt053Parser.date(value);
            case "AcctSvcrRef" -> accountServicerReference = value.strip();
            case "NtryRef" -> entryRef = value.strip();
            case "BkTxCd/Domn/Cd" -> domain = value.strip();
            case "BkTxCd/Domn/Fmly/Cd" -> family = value.strip();
            case "BkTxCd/Domn/Fmly/SubFmlyCd" -> subFamily = value.strip();
            case "BkTxCd/Prtry/Cd" -> proprietaryCode = value.strip();
            case "AddtlNtryInf" -> additionalInfo = Details.collapse(value);
            case "NtryDtls/Btch/NbOfTxs" -> batchSize = Integer.valueOf(value.strip());
            default -> {
                return false;
            }
        }
        return true;
    }

    void startTransaction(String location) {
        if (transactions.size() >= MAX_TRANSACTIONS) {
            throw new StatementFormatException(location, "entry holds more than " + MAX_TRANSACTIONS
                    + " transactions");
        }
        transaction = new CamtTransaction();
    }

    void endTransaction() {
        if (transaction != null) {
            transactions.add(transaction);
            transaction = null;
        }
    }

    StatementEntry finish(@Nullable String ownAccount, String fallbackReference, String location) {
        if (amount == null || creditDebit == null || bookingDate == null) {
            throw new StatementFormatException(location, "entry lacks " + (amount == null ? "Amt"
                    : creditDebit == null ? "CdtDbtInd" : "BookgDt"));
        }
        CreditDebit direction = creditDebit;
        List<TransactionDetails> details = new ArrayList<>(transactions.size());
        for (CamtTransaction tx : transactions) {
            details.add(tx.finish(direction, reversal, ownAccount));
        }
        String reference = accountServicerReference != null ? accountServicerReference
                : entryRef != null ? entryRef : fallbackReference;
        return new StatementEntry(line, reference, bookingDate, valueDate, amount, direction, reversal, status,
                bankTransactionCode(), batch || transactions.size() > 1, batchSize, additionalInfo, details);
    }

    private @Nullable String bankTransactionCode() {
        if (domain != null) {
            return domain + "/" + (family == null ? "" : family) + "/" + (subFamily == null ? "" : subFamily);
        }
        return proprietaryCode;
    }

    private static Currency currency(@Nullable String code, String value) {
        if (code == null) {
            throw new IllegalArgumentException("amount " + value + " has no Ccy attribute");
        }
        return Currency.getInstance(code);
    }
}
