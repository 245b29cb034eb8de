package com.zohoprovisioning.pipeline;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The charset an input file is read in: its byte order mark (UTF-8, UTF-16LE/BE) wins; else the configured charset,
 * or the fallback charset when that is UTF-8 and the bytes are not. UTF-16 without a BOM is rejected. Nothing is
 * ever decoded with replacement characters: a file with a UTF-8 BOM, or JSON/NDJSON (always UTF-8), whose bytes are
 * not all UTF-8 is rejected; so is a file that mixes encodings (valid UTF-8 multi-byte sequences and bytes that are
 * not UTF-8: read in either charset, some of its names would come out garbled). The fallback is only for a file with
 * no UTF-8 multi-byte sequence at all. The whole file is checked ({@link Utf8Scan}), not only its head.
 */
final class InputCharset {

    /** An input file opened as text (after its BOM), and how. */
    record Text(BufferedReader reader, Charset charset, boolean bom) {
    }

    private static final String SAVE_AS_UTF8 = "save it as UTF-8 (in Excel: 'CSV UTF-8'), then drop it again";

    private final Path file;
    private final FileHead head;
    private final FileFormat format;
    private final ReaderSettings settings;
    private Utf8Scan.Result utf8;

    /** {@code utf8}: the whole file checked as UTF-8 already (as it was copied), or null to check it here if needed. */
    InputCharset(Path file, FileHead head, FileFormat format, ReaderSettings settings, Utf8Scan.Result utf8) {
        this.file = file;
        this.head = head;
        this.format = format;
        this.settings = settings;
        this.utf8 = utf8;
    }

    Text open() throws IOException {
        BOMInputStream in = bomStream(file);
        boolean ok = false;
        try {
            ByteOrderMark bom = in.getBOM();
            if (bom == null && head.looksUtf16()) {
                throw new FileRejectedException("the file looks like UTF-16 without a byte order mark: save it as UTF-8");
            }
            Charset charset = bom != null ? Charset.forName(bom.getCharsetName()) : choose();
            if (ByteOrderMark.UTF_8.equals(bom) && !utf8().valid()) {
                throw new FileRejectedException("the file starts with a UTF-8 byte order mark but holds bytes that are "
                        + "not UTF-8, the first on " + utf8().where() + ": " + SAVE_AS_UTF8);
            }
            Text text = new Text(reader(in, charset), charset, bom != null);
            ok = true;
            return text;
        } finally {
            if (!ok) {
                in.close();
            }
        }
    }

    /** The file opened again as text in the charset found before (for a second pass over it). */
    static BufferedReader reopen(Path file, Charset charset) throws IOException {
        return reader(bomStream(file), charset);
    }

    private static BOMInputStream bomStream(Path file) throws IOException {
        return BOMInputStream.builder().setPath(file)
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
    }

    private static BufferedReader reader(InputStream in, Charset charset) {
        return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    private Charset choose() throws IOException {
        Charset configured = Charset.forName(settings.charset());
        if (!configured.equals(StandardCharsets.UTF_8)) {
            return configured;
        }
        Utf8Scan.Result r = utf8();
        if (r.valid()) {
            return configured;
        }
        if (format != FileFormat.CSV) {
            throw new FileRejectedException("the file is not valid UTF-8 (the first byte that is not is on "
                    + r.where() + "), and " + format + " files are always read as UTF-8: " + SAVE_AS_UTF8);
        }
        if (r.multiByte()) {
            throw new FileRejectedException("the file mixes encodings: it holds UTF-8 text (accented letters and the "
                    + "like) and also bytes that are not UTF-8, the first on " + r.where() + " (likely windows-1252 or "
                    + "Latin-1, pasted in); read in either charset some names would come out garbled, so nothing of it "
                    + "was sent: " + SAVE_AS_UTF8);
        }
        if (!settings.hasFallbackCharset()) {
            throw new FileRejectedException("the file is not valid UTF-8 (the first byte that is not is on "
                    + r.where() + ") and no fallback charset is set: save it as UTF-8, or set provisioning.charset "
                    + "(or provisioning.<feed>.charset) to its charset");
        }
        return Charset.forName(settings.fallbackCharset());
    }

    private Utf8Scan.Result utf8() throws IOException {
        if (utf8 == null) {
            utf8 = Utf8Scan.of(file);
        }
        return utf8;
    }
}
