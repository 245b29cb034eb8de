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
}
