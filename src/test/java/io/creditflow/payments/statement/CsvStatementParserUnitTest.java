package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvStatementParserUnitTest {

    @Test
    void readsARabobankStyleExportInWindows1252() {
        List<BankStatement> statements = Fixtures.read("csv-rabobank-style.csv");
        assertThat(statements).hasSize(1);
        BankStatement statement = statements.getFirst();
        assertThat(statement.format()).isEqualTo(StatementFormat.CSV);
        assertThat(statement.header().dialect()).isEqualTo("CSV (windows-1252)");
        assertThat(statement.accountIban().value()).isEqualTo("NL96RABO1774407396");
        assertThat(statement.opening()).isEqualTo(new Balance(Money.euros("500.00"), LocalDate.of(2024, 3, 4)));
        assertThat(statement.closing().amount()).isEqualTo(Money.euros("495.70"));
        List<StatementEntry> entries = statement.entries();
        assertThat(entries).extracting(StatementEntry::entryReference)
                .containsExactly("000000000000007001", "000000000000007002", "000000000000007003",
                        "000000000000007004");
        assertThat(entries.get(1).signedAmount()).isEqualTo(Money.euros("-15.25"));
        assertThat(entries.get(1).firstTransaction().remittanceText()).isEqualTo("Bestelling 88123 levering maart");
        assertThat(entries.get(2).firstTransaction().counterpartyName()).isEqualTo("M. Özdemir");
        assertThat(entries.get(2).firstTransaction().structuredReference())
                .isEqualTo(new StructuredReference(StructuredReference.Issuer.CUR, "7000000020240003"));
        TransactionDetails returned = entries.get(3).firstTransaction();
        assertThat(returned.returnReasonCode()).isEqualTo("AC04");
        assertThat(returned.mandateId()).isEqualTo("MND-3011");
        assertThat(returned.creditorId()).isEqualTo("NL63ZZZ692412340000");
        assertThat(entries.get(3).lineNumber()).isEqualTo(5);
    }

    @Test
    void readsAnIngStyleExportNewestFirstWithQuotedLineBreaks() {
        BankStatement statement = Fixtures.read("csv-ing-style.csv").getFirst();
        assertThat(statement.header().dialect()).isEqualTo("CSV (UTF-8)");
        assertThat(statement.opening()).as("newest first: the opening is only known at the end").isNull();
        assertThat(statement.closing().amount()).isEqualTo(Money.euros("1371.00"));
        List<StatementEntry> entries = statement.entries();
        assertThat(entries).extracting(StatementEntry::signedAmount)
                .containsExactly(Money.euros("250.00"), Money.euros("-7.50"), Money.euros("121.00"));
        assertThat(entries.get(0).firstTransaction().remittanceText())
                .isEqualTo("Naam: Bakkerij De Vries Omschrijving: \"spoed\" INV-2024-0043\nIBAN: NL43ABNA4688090587");
        assertThat(entries).extracting(StatementEntry::lineNumber).containsExactly(2L, 4L, 5L);
        assertThat(entries).extracting(StatementEntry::entryReference).allMatch(r -> r.startsWith("csv:"))
                .doesNotHaveDuplicates();
    }

    @Test
    void readsAGenericEnglishExportWithoutBalances() {
        BankStatement statement = Fixtures.read("csv-generic-english.csv").getFirst();
        assertThat(statement.opening()).isNull();
        assertThat(statement.closing()).isNull();
        assertThat(statement.entries()).extracting(StatementEntry::entryReference).startsWith("BANKREF-0001",
                "BANKREF-0002");
        StatementEntry jansen = statement.entries().getFirst();
        assertThat(jansen.firstTransaction().remittanceText()).isEqualTo("Invoices INV-2024-0400, INV-2024-0401");
        assertThat(jansen.firstTransaction().endToEndId()).isEqualTo("JB-0502-1");
        assertThat(statement.entries().get(2).firstTransaction().structuredReference().issuer())
                .isEqualTo(StructuredReference.Issuer.ISO);
    }

    @Test
    void namesTheLineWhereTheBalanceStopsAddingUp() {
        String csv = "Datum,Bedrag,Saldo na trn\n2024-01-01,+10,00,+110,00\n";
        String broken = "\"Datum\",\"Bedrag\",\"Saldo na trn\"\n\"2024-01-01\",\"+10,00\",\"+110,00\"\n"
                + "\"2024-01-02\",\"-5,00\",\"+105,00\"\n\"2024-01-03\",\"+1,00\",\"+107,00\"\n";
        assertThat(HostileInput.failure(broken)).startsWith("line 4:")
                .contains("balance after this row is 107.00 but the rows so far give 106.00 (difference 1.00)");
        assertThat(csv).isNotEmpty();
    }

    @Test
    void namesLineAndColumnOfBadValues() {
        assertThat(HostileInput.failure("booking date;amount\n2024-01-01;1,00\n2024-02-30;2,00\n"))
                .startsWith("line 3:").contains("booking date '2024-02-30' is not a date");
        assertThat(HostileInput.failure("booking date;amount\n2024-01-01;1.234\n"))
                .startsWith("line 2:").contains("amount").contains("ambiguous");
        assertThat(HostileInput.failure("booking date;amount;credit/debit\n2024-01-01;1,00;X\n"))
                .startsWith("line 2:").contains("neither credit nor debit");
    }

    @Test
    void explainsAMissingColumn() {
        assertThat(HostileInput.failure("when;how much\n2024-01-01;1,00\n"))
                .startsWith("line 1:").contains("no column for booking date");
    }

    @Test
    void rejectsAnUnclosedQuote() {
        assertThat(HostileInput.failure("booking date,amount,description\n2024-01-01,1.00,\"never closed\n"))
                .startsWith("line 2:").contains("not closed");
    }
}
