package io.creditflow.receivables.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportParsingUnitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.234,56|AUTO|1234.56", "1,234.56|AUTO|1234.56", "1234.56|AUTO|1234.56", "1234,56|AUTO|1234.56",
            "12,5|AUTO|12.5", "1.234.567,89|AUTO|1234567.89", "1,234,567|AUTO|1234567", "€ 99,95|AUTO|99.95",
            "-10,00|AUTO|-10.00", "1.234|COMMA|1234", "1,234|POINT|1234", "1,234|COMMA|1.234", "1.234|POINT|1.234",
            "250|AUTO|250"})
    void readsDutchAndInternationalAmounts(String raw, DecimalSeparator style, String expected) {
        Amounts.Parsed parsed = Amounts.parse(raw, style);
        assertThat(parsed.problem()).isEmpty();
        assertThat(parsed.value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.234|AUTO|ambiguous", "1,234|AUTO|ambiguous", "12a|AUTO|not a number", "1.2.3,4|AUTO|wrong places",
            "1,234.56|COMMA|not a number", "1.234,56|POINT|not a number", "12.34.56|AUTO|wrong places",
            "''|AUTO|not a number"})
    void refusesWhatIsNotClearlyAnAmount(String raw, DecimalSeparator style, String reason) {
        assertThat(Amounts.parse(raw, style).problem()).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2026-03-31|null|2026-03-31", "31-03-2026|null|2026-03-31", "31/03/2026|null|2026-03-31",
            "1-3-2026|null|2026-03-01", "01.03.2026|null|2026-03-01", "03/04/2026|null|2026-04-03",
            "31-03-2026|dd-MM-yyyy|2026-03-31", "1-3-2026|d-M-yyyy|2026-03-01"})
    void readsDates(String raw, String format, String expected) {
        assertThat(ImportDates.parse(raw, format).value()).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2026-02-30|null|not a calendar date", "31-13-2026|null|not a calendar date",
            "2026/03/31|null|not a date", "March 3|null|not a date", "1-3-2026|dd-MM-yyyy|not a date",
            "2026-03-31|dd-MM-yyyy|not a date", "31-03-26|null|not a date"})
    void refusesBadDates(String raw, String format, String reason) {
        assertThat(ImportDates.parse(raw, format).problem()).contains(reason);
    }

    @Test
    void detectsSeparatorsAndKeepsQuotedLineBreaks() throws IOException {
        for (char sep : new char[] {',', ';', '\t', '|'}) {
            String text = "a" + sep + "b" + sep + "c\r\n1" + sep + "\"x" + sep + "y\ny\"\"z\"" + sep + "3\n4" + sep + "5"
                    + sep + "6\n";
            CsvRecords records = records(text.getBytes(StandardCharsets.UTF_8), 1000);
            assertThat(records.useSeparator(null)).isEqualTo(sep);
            List<CsvRecords.Record> all = all(records);
            assertThat(all).hasSize(3);
            assertThat(all.get(1).fields()).containsExactly("1", "x" + sep + "y\ny\"z", "3");
            assertThat(all.get(2).line()).isEqualTo(4);
        }
    }

    @Test
    void anOverlongFieldIsSkippedInConstantMemoryAndFlagged() throws IOException {
        String big = "x".repeat(10 * 1024 * 1024);
        byte[] bytes = ("a,b\n1," + big + "\n2,ok\n").getBytes(StandardCharsets.UTF_8);
        CsvRecords records = records(bytes, 1000);
        records.useSeparator(null);
        List<CsvRecords.Record> all = all(records);
        assertThat(all.get(1).overlongColumn()).isEqualTo(1);
        assertThat(all.get(1).fields().get(1).length()).isLessThanOrEqualTo(1001);
        assertThat(all.get(2).fields()).containsExactly("2", "ok");
        assertThat(all.get(2).line()).isEqualTo(3);
    }

    @Test
    void undecodableBytesNameTheirLine() throws IOException {
        byte[] head = ("a,b\n" + "1,caf\u00e9\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = new byte[] {'2', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'};
        byte[] bytes = new byte[head.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        CsvRecords records = records(bytes, 1000);
        records.useSeparator(null);
        assertThatThrownBy(() -> all(records)).isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("line 10002").hasMessageContaining("E9").hasMessageContaining("UTF-8");
    }

    @Test
    void windows1252IsDetectedWhenTheStartIsNotUtf8() throws IOException {
        byte[] bytes = "naam;bedrag\nJos\u00e9 M\u00fcller;1.234,56\n".getBytes(TextEncoding.WINDOWS_1252);
        TextEncoding.Decoded decoded = TextEncoding.open(new ByteArrayInputStream(bytes), null);
        assertThat(decoded.name()).isEqualTo("WINDOWS-1252");
        CsvRecords records = new CsvRecords(decoded.reader(), decoded.charset(), 1000);
        assertThat(records.useSeparator(null)).isEqualTo(';');
        assertThat(all(records).get(1).fields()).containsExactly("Jos\u00e9 M\u00fcller", "1.234,56");
    }

    @Test
    void aByteOrderMarkIsSkippedAndUtf16Refused() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\n'};
        TextEncoding.Decoded decoded = TextEncoding.open(new ByteArrayInputStream(bom), null);
        assertThat(decoded.byteOrderMark()).isTrue();
        CsvRecords records = new CsvRecords(decoded.reader(), decoded.charset(), 1000);
        records.useSeparator(null);
        assertThat(records.next().fields()).containsExactly("a", "b");
        byte[] utf16 = "a,b\n".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> TextEncoding.open(new ByteArrayInputStream(utf16), null))
                .hasMessageContaining("UTF-16");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() throws IOException {
        CsvRecords records = records("a,b\n1,2\n3,\"never closed\n4,5\n".getBytes(StandardCharsets.UTF_8), 1000);
        records.useSeparator(null);
        assertThatThrownBy(() -> all(records)).hasMessageContaining("line 3").hasMessageContaining("never closed");
    }

    private static CsvRecords records(byte[] bytes, int maxField) throws IOException {
        TextEncoding.Decoded decoded = TextEncoding.open(new ByteArrayInputStream(bytes), null);
        return new CsvRecords(decoded.reader(), decoded.charset(), maxField);
    }

    private static List<CsvRecords.Record> all(CsvRecords records) {
        List<CsvRecords.Record> all = new ArrayList<>();
        for (CsvRecords.Record r; (r = records.next()) != null; ) {
            all.add(r);
        }
        return all;
    }
}
