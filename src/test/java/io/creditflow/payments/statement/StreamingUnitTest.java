package io.creditflow.payments.statement;

import io.creditflow.shared.Money;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingUnitTest {

    /**
     * About 120 MB of camt.053 read in constant memory: the entries are produced while they are read and the
     * handler keeps nothing. The rate printed is a smoke figure, not the benchmark.
     */
    @Test
    void streamsAHugeCamtFileEntryByEntry() {
        int count = 250_000;
        AtomicInteger seen = new AtomicInteger();
        AtomicReference<StatementTotals> totals = new AtomicReference<>();
        long start = System.nanoTime();
        StatementFormat format = new BankStatementReader().read(new GeneratedCamtStream(count), new StatementHandler() {
            @Override
            public void entry(StatementHeader statement, StatementEntry entry) {
                seen.incrementAndGet();
            }

            @Override
            public void statementEnded(StatementHeader statement, StatementTotals t) {
                totals.set(t);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("camt.053 streaming: %,d entries in %.2f s = %,.0f entries/s%n", count, seconds,
                count / seconds);
        assertThat(format).isEqualTo(StatementFormat.CAMT053);
        assertThat(seen.get()).isEqualTo(count);
        assertThat(totals.get().credits()).isEqualTo(Money.euros(count + ".00"));
    }

    @Test
    void readAllRefusesMoreEntriesThanAllowed() {
        assertThatThrownBy(() -> new BankStatementReader().readAll(new GeneratedCamtStream(50), 10))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("more than 10 entries");
    }

    @Test
    void detectsTheFormatFromTheFirstBytes() throws IOException {
        assertThat(detect("camt053-v02-ing.xml")).isEqualTo(StatementFormat.CAMT053);
        assertThat(detect("mt940-ing.sta")).isEqualTo(StatementFormat.MT940);
        assertThat(detect("mt940-rabobank.swi")).isEqualTo(StatementFormat.MT940);
        assertThat(detect("mt940-abnamro.STA")).isEqualTo(StatementFormat.MT940);
        assertThat(detect("csv-ing-style.csv")).isEqualTo(StatementFormat.CSV);
        assertThat(detect("csv-rabobank-style.csv")).isEqualTo(StatementFormat.CSV);
    }

    @Test
    void readsSwiftEnvelopedMt940() {
        String enveloped = "{1:F01INGBNL2AXXXX0000000000}{2:O940INGBNL2AXXXXN}{4:\r\n"
                + Fixtures.text("mt940-ing.sta").lines().skip(3).reduce("", (a, b) -> a + b + "\r\n") + "-}\r\n";
        BankStatement statement = Fixtures.read(enveloped, true).getFirst();
        assertThat(statement.header().dialect()).isEqualTo("MT940 ING");
        assertThat(statement.entries()).hasSize(6);
    }

    private static StatementFormat detect(String name) throws IOException {
        try (InputStream in = Fixtures.open(name)) {
            return new BankStatementReader().read(in, (s, e) -> { });
        }
    }

    @Test
    void sameFileTwiceGivesTheSameEntryReferences() {
        for (String name : new String[] {"camt053-v02-ing.xml", "mt940-rabobank.swi", "csv-ing-style.csv"}) {
            var first = Fixtures.read(name).stream().flatMap(s -> s.entries().stream())
                    .map(StatementEntry::entryReference).toList();
            var second = Fixtures.read(new ByteArrayInputStream(Fixtures.bytes(name)).readAllBytes()).stream()
                    .flatMap(s -> s.entries().stream()).map(StatementEntry::entryReference).toList();
            assertThat(first).as(name).isEqualTo(second).doesNotHaveDuplicates();
        }
    }
}
