package io.creditflow.receivables.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write pass's reader thread: batches in file order with invalid lines left out, the reader's failure thrown in
 * the consumer's thread, and no reader thread left behind when the consumer stops early.
 */
class BatchReaderUnitTest {

    private static final ImportProfile PROFILE = ImportProfile.defaults(ImportKind.INVOICES);

    @TempDir
    Path dir;

    @Test
    void batchesFollowTheFileAndSkipInvalidLines() throws IOException {
        Path file = csv(23);
        BitSet invalid = new BitSet();
        invalid.set(5); // line 5 of the file: the 4th row
        List<String> numbers = new ArrayList<>();
        List<Long> rowsRead = new ArrayList<>();
        try (BatchReader reader = reader(file, invalid, 10)) {
            for (BatchReader.Batch b; (b = reader.next()) != null; ) {
                b.invoices().forEach(i -> numbers.add(i.number()));
                rowsRead.add(b.rowsRead());
            }
            assertThat(reader.next()).isNull();
        }
        assertThat(numbers).hasSize(22).doesNotContain("INV-4").startsWith("INV-1", "INV-2", "INV-3", "INV-5")
                .endsWith("INV-23");
        assertThat(rowsRead).containsExactly(11L, 21L, 23L);
    }

    @Test
    void theReadersFailureIsThrownToTheConsumer() {
        BatchReader reader = new BatchReader(() -> {
            throw new ImportFormatException(7L, "amount", "not a number");
        }, new BitSet(), false, 10);
        assertThatThrownBy(reader::next).isInstanceOf(ImportFormatException.class).hasMessageContaining("not a number");
        assertThat(reader.next()).isNull();
        reader.close();
    }

    @Test
    void closingEarlyStopsTheReader() throws IOException, InterruptedException {
        Path file = csv(5_000);
        try (BatchReader reader = reader(file, new BitSet(), 10)) {
            assertThat(reader.next()).isNotNull();
        }
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("import-reader"));
    }

    private static BatchReader reader(Path file, BitSet invalid, int batchSize) {
        return new BatchReader(() -> CsvImport.open(file, PROFILE, new byte[16], false, 1000), invalid, false,
                batchSize);
    }

    private Path csv(int rows) throws IOException {
        StringBuilder b = new StringBuilder("debtor_external_id,debtor_type,debtor_name,debtor_email,invoice_number,"
                + "issue_date,due_date,currency,amount\n");
        for (int i = 1; i <= rows; i++) {
            b.append("D-").append(i % 7).append(",CONSUMER,Debtor ").append(i % 7).append(",d").append(i % 7)
                    .append("@example.com,INV-").append(i).append(",2026-10-01,2026-10-31,EUR,").append(i).append(".50\n");
        }
        Path file = dir.resolve("rows-" + rows + ".csv");
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }
}
