package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The input charset: a BOM wins, then provisioning.charset, then the fallback when the bytes are not UTF-8. */
class InputCharsetTest {

    private static final FieldMapping MAPPING = new FieldMapping(Map.of());

    @TempDir
    Path dir;

    @Test
    void aConfiguredCharsetIsUsedForFilesWithoutBom() throws IOException {
        // 0xA4 is the euro sign in ISO-8859-15, the currency sign in windows-1252
        Path file = write("email,notes\nkim@example.com,5 \u20ac\n", "ISO-8859-15");
        ReaderSettings latin9 = new ReaderSettings("ISO-8859-15", "", "auto", 1000, 1_000_000, 1_000, 1_000_000);
        assertThat(firstNotes(file, latin9)).isEqualTo("5 \u20ac");
        assertThat(firstNotes(file, ReaderSettings.from(TestSettings.builtIn(), "people"))).isEqualTo("5 \u00a4");
    }

    @Test
    void bytesThatAreNotUtf8AreReadWithTheFallback() throws IOException {
        Path file = write("email,notes\nkim@example.com,Gr\u00fc\u00dfe\n", "windows-1252");
        assertThat(firstNotes(file, ReaderSettings.from(TestSettings.builtIn(), "people"))).isEqualTo("Gr\u00fc\u00dfe");
    }

    @Test
    void withoutAFallbackAFileThatIsNotUtf8IsRejected() throws IOException {
        Path file = write("email,notes\nkim@example.com,Gr\u00fc\u00dfe\n", "windows-1252");
        ReaderSettings strict = new ReaderSettings("UTF-8", "none", "auto", 1000, 1_000_000, 1_000, 1_000_000);
        assertThatThrownBy(() -> RecordReader.open(file, FileFormat.CSV, strict, MAPPING))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aFileMixingUtf8AndWindows1252IsRejectedNamingTheFirstStrayByte() throws IOException {
        Path file = dir.resolve("mixed.csv");
        byte[] head = "email,notes\nrene@example.com,Ren\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "jose@example.com,Jos\u00e9\n".getBytes(Charset.forName("windows-1252"));
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        Files.write(file, bytes);
        assertThatThrownBy(() -> firstNotes(file, ReaderSettings.from(TestSettings.builtIn(), "people")))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("the file mixes encodings")
                .hasMessageContaining("line 3, byte " + (head.length + 20) + " (0xE9)")
                .hasMessageContaining("save it as UTF-8");
    }

    @Test
    void aBomWinsOverTheSetting() throws IOException {
        Path file = dir.resolve("bom.csv");
        byte[] body = "email,notes\nkim@example.com,\u0141\u00f3d\u017a\n".getBytes(Charset.forName("UTF-16LE"));
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Files.write(file, bytes);
        ReaderSettings latin9 = new ReaderSettings("ISO-8859-15", "", "auto", 1000, 1_000_000, 1_000, 1_000_000);
        assertThat(firstNotes(file, latin9)).isEqualTo("\u0141\u00f3d\u017a");
    }

    @Test
    void anUnknownCharsetFailsAtStartupNotPerFile() {
        assertThatThrownBy(() -> new ReaderSettings("UTF-9", "", "auto", 1000, 1_000_000, 1_000, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-9");
    }

    @Test
    void defaultsAreSafeLimits() {
        ReaderSettings d = ReaderSettings.from(TestSettings.builtIn(), "people");
        assertThat(d.maxFieldChars()).isEqualTo(100_000);
        assertThat(d.maxColumns()).isEqualTo(1_000);
        assertThat(d.maxRecords()).isEqualTo(1_000_000);
        assertThat(d.maxFileBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    private Path write(String text, String charset) throws IOException {
        Path file = dir.resolve("in-" + charset + ".csv");
        Files.write(file, text.getBytes(Charset.forName(charset)));
        return file;
    }

    private static String firstNotes(Path file, ReaderSettings settings) throws IOException {
        try (RecordSource s = RecordReader.open(file, FileFormat.CSV, settings, MAPPING)) {
            return s.next().get("notes");
        }
    }
}
