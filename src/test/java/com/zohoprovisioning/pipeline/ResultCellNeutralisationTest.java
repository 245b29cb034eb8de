package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells a spreadsheet would run as a formula get a leading apostrophe in result CSVs; re-import removes it. */
class ResultCellNeutralisationTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+49 30 1234", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"http://x\")"})
    void formulaCellsAreNeutralisedAndComeBackUnchanged(String cell) {
        String out = ResultWriter.neutralise(cell);
        assertThat(out).isEqualTo("'" + cell);
        assertThat(ResultWriter.unneutralise(out)).isEqualTo(cell);
        // a second round trip neither stacks apostrophes nor loses one
        assertThat(ResultWriter.neutralise(ResultWriter.unneutralise(out))).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Kim", "a=b", "'quoted'", "'", "555-0199", " =1"})
    void otherCellsAreLeftAlone(String cell) {
        assertThat(ResultWriter.neutralise(cell)).isEqualTo(cell);
        assertThat(ResultWriter.unneutralise(cell)).isEqualTo(cell);
    }

    @Test
    void anApostropheBeforeOrdinaryTextIsKeptOnInput() {
        assertThat(ResultWriter.unneutralise("'Connor")).isEqualTo("'Connor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'=1+2", "'@SUM(A1)", "''-2", "'\tcmd"})
    void anApostropheAlreadyBeforeAFormulaGetsOneMoreAndComesBackExactly(String cell) {
        String out = ResultWriter.neutralise(cell);
        assertThat(out).isEqualTo("'" + cell);
        assertThat(ResultWriter.unneutralise(out)).isEqualTo(cell);
    }

    @Test
    void theHeaderRowIsNeutralisedToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path p = dir.resolve("r.csv");
        try (ResultWriter w = new ResultWriter(p, FileFormat.CSV, java.util.List.of("email", "=HYPERLINK(\"http://x\")",
                "@cmd"), ',', false, null)) {
            w.write(new InputRecord(1, new java.util.LinkedHashMap<>(java.util.Map.of("email", "a@example.com")),
                    java.util.Map.of("email", "a@example.com"), null), RecordOutcome.ok("created", "1", null, null, 201));
        }
        String header = java.nio.file.Files.readAllLines(p).get(0);
        assertThat(header).startsWith("email,\"'=HYPERLINK(\"\"http://x\"\")\",'@cmd,result_status");
    }
}
