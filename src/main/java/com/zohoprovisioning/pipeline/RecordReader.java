package com.zohoprovisioning.pipeline;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.zohoprovisioning.mapping.MappingProfile;

/**
 * Opens an input file as a stream of records: checks it is text of a known format (not empty, not an Excel
 * workbook, not binary), picks the charset (BOM, setting, or the fallback when the bytes are not UTF-8) and the
 * CSV delimiter, and hands back a {@link RecordSource}.
 */
public final class RecordReader {

    private RecordReader() {
    }

    public static RecordSource open(Path file, FileFormat format, ReaderSettings settings, FieldMapping mapping)
            throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new FileRejectedException("the file is empty (0 bytes)");
        }
        if (size > settings.maxFileBytes()) {
            throw new FileRejectedException("the file is " + size + " bytes, over the limit of "
                    + settings.maxFileBytes() + " (provisioning.max-file-bytes)");
        }
        byte[] head = readHead(file, 8192);
        rejectBinary(head);
        if (size <= head.length && blank(head)) {
            throw new FileRejectedException("the file holds no data (only blank lines or spaces)");
        }
        if (size / 2 >= settings.maxRecords()) {
            rejectTooManyRecords(file, format, settings, mapping);
        }
        return source(file, format, settings, mapping);
    }

    private static RecordSource source(Path file, FileFormat format, ReaderSettings settings, FieldMapping mapping)
            throws IOException {
        byte[] head = readHead(file, 8192);
        BOMInputStream in = BOMInputStream.builder().setPath(file)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
        boolean ok = false;
        try {
            ByteOrderMark bom = in.getBOM();
            if (bom == null && looksUtf16(head)) {
                throw new FileRejectedException("the file looks like UTF-16 without a byte order mark: save it as UTF-8");
            }
            Charset charset = bom != null ? Charset.forName(bom.getCharsetName()) : chooseCharset(file, settings);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            RecordSource source = switch (format) {
                case CSV -> {
                    Character excelHint = excelSeparatorLine(reader);
                    List<String> skipped = skipPreamble(reader, mapping.profiles().preamble());
                    yield new CsvRecordSource(reader, delimiter(reader, settings, excelHint), charset, bom != null,
                            mapping, settings, skipped);
                }
                case JSON -> {
                    JsonValues.Shape shape;
                    try (BOMInputStream again = BOMInputStream.builder().setPath(file)
                            .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
                         Reader scanReader = new BufferedReader(new InputStreamReader(again, charset), 1 << 16)) {
                        shape = JsonValues.scan(scanReader);
                    }
                    yield new JsonRecordSource(reader, JsonValues.INPUT, mapping, charset, settings.maxFieldChars(),
                            shape);
                }
                case NDJSON -> new NdjsonRecordSource(reader, JsonValues.INPUT, mapping, charset,
                        settings.maxFieldChars());
            };
            ok = true;
            return source;
        } finally {
            if (!ok) {
                in.close();
            }
        }
    }

    /**
     * A file with more records than {@code provisioning.max-records} is rejected before any record is sent, so a
     * runaway export never reaches Zoho half-applied. Only files big enough to hold that many records (two bytes
     * each at least) are counted, in a first pass that stops one record past the limit.
     */
    private static void rejectTooManyRecords(Path file, FileFormat format, ReaderSettings settings,
                                             FieldMapping mapping) throws IOException {
        try (RecordSource counting = source(file, format, settings, mapping)) {
            long n = 0;
            while (counting.hasNext()) {
                counting.next();
                if (++n > settings.maxRecords()) {
                    throw new FileRejectedException("the file holds more than " + settings.maxRecords()
                            + " records, over the limit (provisioning.max-records): split it into smaller files");
                }
            }
        }
    }

    /** True when the bytes (after a UTF-8 BOM) are only spaces, tabs and line breaks. */
    private static boolean blank(byte[] head) {
        int from = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3 : 0;
        for (int i = from; i < head.length; i++) {
            byte b = head[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0x0c) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readHead(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static void rejectBinary(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new FileRejectedException("this is an Excel workbook (.xlsx) or a ZIP archive, not CSV or JSON: "
                    + "save it as 'CSV UTF-8'");
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            throw new FileRejectedException("this is an Excel 97-2003 workbook (.xls), not CSV or JSON: save it as 'CSV UTF-8'");
        }
        boolean utf16Bom = head.length >= 2 && (((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)
                || ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF));
        if (utf16Bom) {
            return;
        }
        int controls = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                if (!looksUtf16(head)) {
                    throw new FileRejectedException("the file holds binary data (NUL bytes), not text");
                }
                return;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0c) {
                controls++;
            }
        }
        if (head.length > 0 && controls * 20 > head.length) {
            throw new FileRejectedException("the file holds binary data, not text");
        }
    }

    private static boolean looksUtf16(byte[] head) {
        int zeros = 0;
        for (byte b : head) {
            if (b == 0) {
                zeros++;
            }
        }
        return head.length >= 4 && zeros * 3 > head.length;
    }

    private static Charset chooseCharset(Path file, ReaderSettings settings) throws IOException {
        Charset configured = Charset.forName(settings.charset());
        String fallback = settings.fallbackCharset();
        if (!configured.equals(StandardCharsets.UTF_8) || isUtf8(file)) {
            return configured;
        }
        if (fallback == null || fallback.isBlank()) {
            throw new FileRejectedException("the file is not valid UTF-8 and no fallback charset is set: save it as "
                    + "UTF-8, or set provisioning.charset (or provisioning.<feed>.charset) to its charset");
        }
        return Charset.forName(fallback);
    }

    /** Streams the whole file through a strict UTF-8 decoder. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf.array(), buf.position(), buf.remaining())) >= 0) {
                buf.position(buf.position() + n);
                buf.flip();
                if (dec.decode(buf, out, false).isError()) {
                    return false;
                }
                out.clear();
                buf.compact();
            }
            buf.flip();
            if (dec.decode(buf, out, true).isError() || dec.flush(out).isError()) {
                return false;
            }
            return !buf.hasRemaining();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Excel's {@code sep=;} first line: consumed, and its delimiter returned; otherwise null, nothing consumed. A
     * {@code sep=} line that names no usable delimiter (nothing, a quote, several characters) rejects the file.
     */
    private static Character excelSeparatorLine(BufferedReader reader) throws IOException {
        reader.mark(64);
        char[] buf = new char[40];
        int n = reader.read(buf, 0, buf.length);
        String start = n <= 0 ? "" : new String(buf, 0, n);
        reader.reset();
        if (start.length() < 4 || !start.regionMatches(true, 0, "sep=", 0, 4)) {
            return null;
        }
        int end = 4;
        while (end < start.length() && start.charAt(end) != '\r' && start.charAt(end) != '\n') {
            end++;
        }
        String value = start.substring(4, end);
        if (value.length() != 1 || value.charAt(0) == '"') {
            String shown = value.length() > 10 ? value.substring(0, 10) + "…" : value;
            throw new FileRejectedException("the first line 'sep=" + shown + "' (Excel's delimiter line) names no "
                    + "usable delimiter: it must be 'sep=' and one character, such as 'sep=;' or 'sep=,' (or delete "
                    + "that line)");
        }
        reader.readLine();
        return value.charAt(0);
    }

    /**
     * Consumes the lines before the header that a rule names (a PowerShell {@code #TYPE} line, Entra's
     * {@code version:v1.0}), and returns their reasons; stops at the first line no rule matches.
     */
    private static List<String> skipPreamble(BufferedReader reader, List<MappingProfile.LineRule> rules)
            throws IOException {
        List<String> skipped = new ArrayList<>();
        while (!rules.isEmpty() && skipped.size() < 10) {
            reader.mark(8192);
            char[] buf = new char[4096];
            int n = reader.read(buf, 0, buf.length);
            reader.reset();
            if (n <= 0) {
                break;
            }
            String start = new String(buf, 0, n);
            int eol = start.indexOf('\n');
            String line = (eol < 0 ? start : start.substring(0, eol)).replace("\r", "");
            String reason = null;
            for (MappingProfile.LineRule r : rules) {
                if (r.pattern().matcher(line).find()) {
                    reason = r.reason();
                    break;
                }
            }
            if (reason == null) {
                break;
            }
            reader.readLine();
            skipped.add(reason);
        }
        return skipped;
    }

    /** The configured delimiter, or the one of , ; tab that the header line (outside quotes) uses most. */
    private static char delimiter(BufferedReader reader, ReaderSettings settings, Character excelHint)
            throws IOException {
        String d = settings.delimiter();
        if (d != null && !d.isBlank() && !d.equalsIgnoreCase("auto")) {
            return d.equalsIgnoreCase("tab") || d.equals("\\t") ? '\t' : d.charAt(0);
        }
        if (excelHint != null) {
            return excelHint;
        }
        int limit = 1 << 20;
        reader.mark(limit + 1);
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < limit; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        reader.reset();
        if (semi > comma && semi >= tab) {
            return ';';
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return ',';
    }
}
