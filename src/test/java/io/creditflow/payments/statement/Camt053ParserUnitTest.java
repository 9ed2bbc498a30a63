package io.creditflow.payments.statement;

import io.creditflow.shared.Betalingskenmerk;
import io.creditflow.shared.Money;
import io.creditflow.shared.RfCreditorReference;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Camt053ParserUnitTest {

    @Test
    void readsVersion02WithSingleBatchReversalAndReturnedEntries() {
        List<BankStatement> statements = Fixtures.read("camt053-v02-ing.xml");
        assertThat(statements).hasSize(1);
        BankStatement statement = statements.getFirst();
        assertThat(statement.format()).isEqualTo(StatementFormat.CAMT053);
        assertThat(statement.header().dialect()).isEqualTo("camt.053.001.02");
        assertThat(statement.statementId()).isEqualTo("0304202400000001/63");
        assertThat(statement.accountIban().value()).isEqualTo("NL69INGB0123456789");
        assertThat(statement.opening()).isEqualTo(new Balance(Money.euros("1000.00"), LocalDate.of(2024, 3, 1)));
        assertThat(statement.closing()).isEqualTo(new Balance(Money.euros("1609.00"), LocalDate.of(2024, 3, 4)));
        assertThat(statement.entries()).hasSize(6);

        StatementEntry single = statement.entries().get(0);
        assertThat(single.entryReference()).isEqualTo("20240304-0000000001");
        assertThat(single.creditDebit()).isEqualTo(CreditDebit.CREDIT);
        assertThat(single.bankTransactionCode()).isEqualTo("PMNT/RCDT/ESCT");
        TransactionDetails jansen = single.firstTransaction();
        assertThat(jansen.endToEndId()).as("NOTPROVIDED is absent").isNull();
        assertThat(jansen.amount()).as("v02 amount from AmtDtls/TxAmt").isEqualTo(Money.euros("121.00"));
        assertThat(jansen.counterpartyName()).isEqualTo("J. Jansen");
        assertThat(jansen.counterpartyIban().value()).isEqualTo("NL41RABO7286415441");
        assertThat(jansen.counterpartyBic()).isEqualTo("RABONL2U");
        assertThat(jansen.remittanceText()).isEqualTo("Factuur INV-2024-0042 klantnr 1007");

        TransactionDetails structured = statement.entries().get(1).firstTransaction();
        assertThat(structured.counterpartyName()).isEqualTo("Bakkerij De Vries & Zn");
        assertThat(structured.structuredReference())
                .isEqualTo(new StructuredReference(StructuredReference.Issuer.CUR, "0000000020240001"));
        assertThat(structured.structuredReference().paymentReference())
                .contains(Betalingskenmerk.parse("0000000020240001"));
    }

    @Test
    void readsTheBatchCollectionWithItsTransactions() {
        StatementEntry batch = Fixtures.read("camt053-v02-ing.xml").getFirst().entries().get(2);
        assertThat(batch.batch()).isTrue();
        assertThat(batch.batchSize()).isEqualTo(3);
        assertThat(batch.transactions()).extracting(TransactionDetails::endToEndId)
                .containsExactly("CF-DD-0001", "CF-DD-0002", "CF-DD-0003");
        assertThat(batch.transactions()).extracting(TransactionDetails::mandateId)
                .containsExactly("MND-1001", "MND-1002", "MND-1003");
        assertThat(batch.transactions()).extracting(TransactionDetails::counterpartyName)
                .as("the debtors, not the creditor (ourselves)")
                .containsExactly("A. de Boer", "P. Pietersen", "Tuincentrum Groen");
        assertThat(batch.transactions().stream().map(TransactionDetails::amount).reduce(Money::plus))
                .contains(batch.amount());
        assertThat(batch.firstTransaction().creditorId()).isEqualTo("NL63ZZZ692412340000");
    }

    @Test
    void readsReturnedDirectDebitsAndReturnedTransfers() {
        List<StatementEntry> entries = Fixtures.read("camt053-v02-ing.xml").getFirst().entries();
        StatementEntry returned = entries.get(3);
        assertThat(returned.reversal()).isTrue();
        assertThat(returned.creditDebit()).isEqualTo(CreditDebit.DEBIT);
        assertThat(returned.firstTransaction().returnReasonCode()).isEqualTo("MD06");
        assertThat(returned.firstTransaction().isReturn()).isTrue();
        assertThat(returned.firstTransaction().counterpartyName()).as("the debtor whose collection came back")
                .isEqualTo("P. Pietersen");

        StatementEntry costs = entries.get(4);
        assertThat(costs.transactions()).isEmpty();
        assertThat(costs.additionalInfo()).isEqualTo("Kosten zakelijk betalingsverkeer februari 2024");

        TransactionDetails bounced = entries.get(5).firstTransaction();
        assertThat(bounced.returnReasonCode()).isEqualTo("AC04");
        assertThat(bounced.counterpartyName()).as("the creditor our refund was meant for").isEqualTo("K. Klaassen");
    }

    @Test
    void readsVersion08DialectAndSeveralStatements() {
        List<BankStatement> statements = Fixtures.read("camt053-v08-abnamro.xml");
        assertThat(statements).hasSize(2);
        BankStatement day1 = statements.get(0);
        assertThat(day1.header().dialect()).isEqualTo("camt.053.001.08");
        assertThat(day1.opening().amount()).as("PRCD debit opens").isEqualTo(Money.euros("-150.25"));
        assertThat(day1.entries()).hasSize(4);
        assertThat(day1.entries().get(3).status()).as("counted as pending, left out of the balance")
                .isEqualTo(EntryStatus.PENDING);

        StatementEntry batch = day1.entries().get(0);
        assertThat(batch.bookingDate()).isEqualTo(LocalDate.of(2024, 4, 15));
        assertThat(batch.batchSize()).isEqualTo(2);
        TransactionDetails smit = batch.transactions().get(0);
        assertThat(smit.amount()).isEqualTo(Money.euros("440.00"));
        assertThat(smit.counterpartyName()).as("v08 Dbtr/Pty/Nm").isEqualTo("Installatiebedrijf Smit B.V.");
        assertThat(smit.counterpartyBic()).as("v08 BICFI").isEqualTo("RABONL2U");
        assertThat(smit.structuredReference().paymentReference()).contains(RfCreditorReference.parse("RF4820240004"));

        assertThat(day1.entries().get(1).firstTransaction().counterpartyName()).isEqualTo("M. Özdemir");
        assertThat(day1.entries().get(2).bankTransactionCode()).isEqualTo("N426");

        BankStatement day2 = statements.get(1);
        assertThat(day2.entries()).extracting(e -> e.firstTransaction().returnReasonCode())
                .containsExactly("AM04", "MS02");
        assertThat(day2.entries()).extracting(e -> e.firstTransaction().counterpartyName())
                .containsExactly("Garage Mulder", "S. Bakker");
        assertThat(day2.closing().amount()).isEqualTo(Money.euros("282.65"));
    }

    @Test
    void rejectsAStatementThatDoesNotBalanceAndShowsTheDifference() {
        String unbalanced = Fixtures.text("camt053-v02-ing.xml").replace("1609.00", "1609.10");
        assertThat(HostileInput.failure(unbalanced))
                .contains("does not balance")
                .contains("= 1609.00, but the closing balance is 1609.10 (difference 0.10)")
                .contains("line ");
    }
}
