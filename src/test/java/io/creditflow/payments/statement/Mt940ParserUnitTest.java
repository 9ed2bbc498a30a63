package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Mt940ParserUnitTest {

    @Test
    void readsIngStructuredInformation() {
        List<BankStatement> statements = Fixtures.read("mt940-ing.sta");
        assertThat(statements).hasSize(1);
        BankStatement statement = statements.getFirst();
        assertThat(statement.header().dialect()).isEqualTo("MT940 ING");
        assertThat(statement.statementId()).isEqualTo("P240304000000001/00000");
        assertThat(statement.accountIban().value()).isEqualTo("NL69INGB0123456789");
        assertThat(statement.closing().amount()).isEqualTo(Money.euros("1609.00"));
        assertThat(statement.entries()).hasSize(6);

        StatementEntry first = statement.entries().getFirst();
        assertThat(first.entryReference()).isEqualTo("20240304001");
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(first.bankTransactionCode()).isEqualTo("NTRF/00100");
        TransactionDetails jansen = first.firstTransaction();
        assertThat(jansen.endToEndId()).isNull();
        assertThat(jansen.counterpartyIban().value()).isEqualTo("NL41RABO7286415441");
        assertThat(jansen.counterpartyBic()).isEqualTo("RABONL2U");
        assertThat(jansen.counterpartyName()).as("re-joined across the 65-character wrap").isEqualTo("J. Jansen");
        assertThat(jansen.remittanceText()).isEqualTo("Factuur INV-2024-0042 klantnr 1007");
    }

    @Test
    void readsIngStructuredReferencesBatchesAndReturns() {
        List<StatementEntry> entries = Fixtures.read("mt940-ing.sta").getFirst().entries();
        TransactionDetails bakery = entries.get(1).firstTransaction();
        assertThat(bakery.counterpartyName()).isEqualTo("Bakkerij De Vries en/of Zn");
        assertThat(bakery.structuredReference())
                .isEqualTo(new StructuredReference(StructuredReference.Issuer.CUR, "0000000020240001"));
        assertThat(entries.get(2).batch()).isTrue();

        TransactionDetails returned = entries.get(3).firstTransaction();
        assertThat(returned.returnReasonCode()).isEqualTo("MD06");
        assertThat(returned.endToEndId()).isEqualTo("CF-DD-0002");
        assertThat(returned.mandateId()).isEqualTo("MND-1002");
        assertThat(returned.creditorId()).isEqualTo("NL63ZZZ692412340000");
        assertThat(returned.counterpartyName()).isEqualTo("P. Pietersen");

        StatementEntry reversal = entries.get(5);
        assertThat(reversal.reversal()).isTrue();
        assertThat(reversal.creditDebit()).as("RD reverses a debit: money comes back").isEqualTo(CreditDebit.CREDIT);
        assertThat(reversal.firstTransaction().returnReasonCode()).isEqualTo("AC04");
    }

    @Test
    void readsRabobankWithCounterAccountOnTheStatementLine() {
        List<BankStatement> statements = Fixtures.read("mt940-rabobank.swi");
        assertThat(statements).hasSize(2);
        assertThat(statements).extracting(s -> s.header().dialect()).containsOnly("MT940 Rabobank");
        assertThat(statements.get(0).accountIban().value()).isEqualTo("NL96RABO1774407396");
        List<StatementEntry> day1 = statements.get(0).entries();
        TransactionDetails jansen = day1.get(0).firstTransaction();
        assertThat(jansen.counterpartyIban().value()).isEqualTo("NL41RABO7286415441");
        assertThat(jansen.counterpartyName()).isEqualTo("J. Jansen");
        assertThat(jansen.endToEndId()).isEqualTo("E2E-RB-0001");
        assertThat(day1.get(1).firstTransaction().counterpartyName()).isEqualTo("Kantoorartikelen Online B.V.");
        assertThat(day1.get(1).firstTransaction().remittanceText()).isEqualTo("Bestelling 88123 d.d. 01/03/2024");
        assertThat(day1.get(2).firstTransaction().mandateId()).isEqualTo("MND-3011");

        List<StatementEntry> day2 = statements.get(1).entries();
        assertThat(day2.get(0).firstTransaction().returnReasonCode()).isEqualTo("AC04");
        TransactionDetails kuil = day2.get(1).firstTransaction();
        assertThat(kuil.counterpartyName()).isEqualTo("Hr R Kuil en/of Mw A Kuil-Germain");
        assertThat(kuil.counterpartyAccount()).isEqualTo("P004500018");
        assertThat(kuil.counterpartyIban()).isNull();
        assertThat(statements.get(1).closing().amount()).isEqualTo(Money.euros("695.70"));
    }

    @Test
    void readsBothAbnAmroLayouts() {
        List<BankStatement> statements = Fixtures.read("mt940-abnamro.STA");
        assertThat(statements).hasSize(2);
        List<StatementEntry> structured = statements.get(0).entries();
        assertThat(statements.get(0).header().dialect()).isEqualTo("MT940 ABN AMRO");
        TransactionDetails jansen = structured.get(0).firstTransaction();
        assertThat(jansen.counterpartyName()).isEqualTo("Jansen Bouw B.V.");
        assertThat(jansen.counterpartyIban().value()).isEqualTo("NL41RABO7286415441");
        assertThat(jansen.endToEndId()).isEqualTo("JB-2024-0315-01");
        assertThat(structured.get(0).additionalInfo()).isEqualTo("SEPA OVERBOEKING");
        assertThat(structured.get(1).firstTransaction().structuredReference())
                .isEqualTo(new StructuredReference(StructuredReference.Issuer.CUR, "9000000020240002"));
        assertThat(structured.get(2).batch()).isTrue();
        assertThat(structured.get(2).batchSize()).isEqualTo(2);
        assertThat(structured.get(3).firstTransaction().returnReasonCode()).isEqualTo("MD06");

        List<StatementEntry> labelled = statements.get(1).entries();
        TransactionDetails klaassen = labelled.get(0).firstTransaction();
        assertThat(klaassen.counterpartyIban().value()).isEqualTo("NL97BUNQ3022700970");
        assertThat(klaassen.counterpartyBic()).isEqualTo("BUNQNL2A");
        assertThat(klaassen.counterpartyName()).isEqualTo("K. Klaassen");
        assertThat(klaassen.remittanceText()).isEqualTo("INV-2024-0310 klantnummer 2211");
        assertThat(klaassen.endToEndId()).isEqualTo("2024031812345");
        assertThat(labelled.get(0).additionalInfo()).isEqualTo("SEPA Overboeking");
        assertThat(labelled.get(1).firstTransaction().remittanceText()).startsWith("BEA NR:XH7710");
        assertThat(labelled.get(2).firstTransaction().structuredReference().value()).isEqualTo("7000000020240003");
    }

    @Test
    void givesEntriesWithoutBankReferenceAStableKey() {
        List<StatementEntry> once = Fixtures.read("mt940-abnamro.STA").getFirst().entries();
        List<StatementEntry> again = Fixtures.read("mt940-abnamro.STA").getFirst().entries();
        assertThat(once).extracting(StatementEntry::entryReference).doesNotHaveDuplicates()
                .allMatch(reference -> reference.startsWith("mt940:"))
                .isEqualTo(again.stream().map(StatementEntry::entryReference).toList());
    }

    @Test
    void rejectsAnUnbalancedStatementNamingTheClosingLine() {
        String unbalanced = Fixtures.text("mt940-rabobank.swi").replace("C240305EUR000000000695,70",
                "C240305EUR000000000695,07");
        assertThat(HostileInput.failure(unbalanced))
                .startsWith("line 38:")
                .contains("statement 940S240305/0 does not balance")
                .contains("difference -0.63");
    }

    @Test
    void rejectsATruncatedFile() {
        String ing = Fixtures.text("mt940-ing.sta");
        assertThat(HostileInput.failure(ing.substring(0, ing.indexOf(":62F:"))))
                .contains("ends inside statement P240304000000001").contains(":62F:");
    }

    @Test
    void rejectsAMalformedStatementLineWithItsLineNumber() {
        String broken = Fixtures.text("mt940-ing.sta").replace(":61:2403040304D7,50NMSC", ":61:24030403X4D7,50NMSC");
        assertThat(HostileInput.failure(broken)).startsWith("line 24:").contains("is not 'YYMMDD");
    }

    @Test
    void rejectsAnInvalidDate() {
        String broken = Fixtures.text("mt940-ing.sta").replace(":60F:C240301", ":60F:C241301");
        assertThat(HostileInput.failure(broken)).startsWith("line 7:").contains("'241301' is not a date");
    }
}
