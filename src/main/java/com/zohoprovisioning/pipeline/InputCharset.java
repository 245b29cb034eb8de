package com.zohoprovisioning.pipeline;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The charset an input file is read in: its byte order mark (UTF-8, UTF-16LE/BE) wins; else the configured charset,
 * or the fallback charset when that is UTF-8 and the bytes are not. UTF-16 without a BOM is rejected.
 */
final class InputCharset {

    /** An input file opened as text (after its BOM), and how. */
    record Text(BufferedReader reader, Charset charset, boolean bom) {
    }

    private InputCharset() {
    }

    static Text open(Path file, FileHead head, ReaderSettings settings) throws IOException {
        BOMInputStream in = bomStream(file);
        boolean ok = false;
        try {
            ByteOrderMark bom = in.getBOM();
            if (bom == null && head.looksUtf16()) {
                throw new FileRejectedException("the file looks like UTF-16 without a byte order mark: save it as UTF-8");
            }
            Charset charset = bom != null ? Charset.forName(bom.getCharsetName()) : choose(file, settings);
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

    private static Charset choose(Path file, ReaderSettings settings) throws IOException {
        Charset configured = Charset.forName(settings.charset());
        if (!configured.equals(StandardCharsets.UTF_8) || isUtf8(file)) {
            return configured;
        }
        if (!settings.hasFallbackCharset()) {
            throw new FileRejectedException("the file is not valid UTF-8 and no fallback charset is set: save it as "
                    + "UTF-8, or set provisioning.charset (or provisioning.<feed>.charset) to its charset");
        }
        return Charset.forName(settings.fallbackCharset());
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
}
