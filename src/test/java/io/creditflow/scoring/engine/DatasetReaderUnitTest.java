package io.creditflow.scoring.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetReaderUnitTest {

    private static Dataset read(String csv, CsvFormat format, TargetSpec target) throws IOException {
        return new DatasetReader(format, target).read(new StringReader(csv), "test.csv");
    }

    @Test
    void typesColumnsAndReadsMissingValues() throws IOException {
        Dataset data = read("""
                age,city,income,id,bad
                30,"Bern, BE",NA,1,1.00
                ?,Basel,2000,2,.00
                45,,3000,3,0
                """, CsvFormat.comma(), new TargetSpec("bad", "1", Set.of("id")));
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.bad()).containsExactly(true, false, false);
        assertThat(data.columns()).extracting(Column::name).containsExactly("age", "city", "income");
        Column.Numeric age = (Column.Numeric) data.column("age").orElseThrow();
        assertThat(age.values()[0]).isEqualTo(30);
        assertThat(age.isMissing(1)).isTrue();
        Column.Categorical city = (Column.Categorical) data.column("city").orElseThrow();
        assertThat(city.values()).containsExactly("Bern, BE", "Basel", null);
        assertThat(data.column("income").orElseThrow().isMissing(0)).isTrue();
    }

    @Test
    void readsBlankSeparatedFilesWithoutHeader() throws IOException {
        Dataset data = read("1 22.08  11.46 0\n0\t22.67 7 1\n", new CsvFormat(" ", false, CsvFormat.DEFAULT_MISSING),
                new TargetSpec("c4", "1"));
        assertThat(data.columns()).extracting(Column::name).containsExactly("c1", "c2", "c3");
        assertThat(data.bad()).containsExactly(false, true);
    }

    @Test
    void namesTheMissingTargetColumn() {
        assertThatThrownBy(() -> read("a,b\n1,2\n", CsvFormat.comma(), new TargetSpec("class", "1")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("target column 'class' is not in test.csv").hasMessageContaining("a, b");
    }

    @Test
    void rejectsATargetWithMoreThanTwoValues() {
        assertThatThrownBy(() -> read("x,y\n1,a\n2,b\n3,c\n", CsvFormat.comma(), new TargetSpec("y", "a")))
                .isInstanceOf(DataException.class).hasMessageContaining("target column 'y' is not binary");
    }

    @Test
    void rejectsAPositiveValueThatNeverOccurs() {
        assertThatThrownBy(() -> read("x,y\n1,good\n2,bad\n", CsvFormat.comma(), new TargetSpec("y", "BAD")))
                .hasMessageContaining("never has the positive value 'BAD'").hasMessageContaining("good, bad");
    }

    @Test
    void rejectsEmptyFilesAndHeaderOnlyFiles() {
        assertThatThrownBy(() -> read("", CsvFormat.comma(), new TargetSpec("y", "1")))
                .hasMessage("test.csv is empty");
        assertThatThrownBy(() -> read("x,y\n", CsvFormat.comma(), new TargetSpec("y", "1")))
                .hasMessage("test.csv has no data rows");
    }

    @Test
    void namesTheLineOfARaggedRowOrAMissingOutcome() {
        assertThatThrownBy(() -> read("x,y\n1,1\n2\n", CsvFormat.comma(), new TargetSpec("y", "1")))
                .hasMessage("line 3: 1 fields, expected 2");
        assertThatThrownBy(() -> read("x,y\n1,1\n2,NA\n", CsvFormat.comma(), new TargetSpec("y", "1")))
                .hasMessage("line 3: target column 'y' is missing");
    }

    @Test
    void needsAtLeastOneFeature() {
        assertThatThrownBy(() -> read("id,y\n1,1\n2,0\n", CsvFormat.comma(), new TargetSpec("y", "1", Set.of("id"))))
                .hasMessage("test.csv has no feature columns besides the target and the ignored ones");
    }

    @Test
    void aTabSeparatorKeepsEmptyFields() throws IOException {
        Dataset data = read("a\tb\ty\n1\t\t1\n2\tx\t0\n", CsvFormat.comma().withSeparator("\t"),
                new TargetSpec("y", "1"));
        assertThat(data.column("b").orElseThrow().isMissing(0)).isTrue();
        assertThat(((Column.Categorical) data.column("b").orElseThrow()).values()[1]).isEqualTo("x");
    }
}
