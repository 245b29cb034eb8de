package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-file UTF-8 check: the first invalid byte (line, offset), and whether valid multi-byte text is there. */
class Utf8ScanTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void utf8TextIsValidAndHasMultiByteSequences() {
        Utf8Scan.Result r = scan("a,b\nRen\u00e9,\u20ac,\uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8), 3);
        assertThat(r.valid()).isTrue();
        assertThat(r.multiByte()).isTrue();
        assertThat(scan("only ascii\n".getBytes(StandardCharsets.US_ASCII), 4).multiByte()).isFalse();
    }

    @Test
    void windows1252TextHasNoMultiByteSequence() {
        Utf8Scan.Result r = scan("a,b\nJos\u00e9,M\u00fcller\n".getBytes(CP1252), 1);
        assertThat(r.valid()).isFalse();
        assertThat(r.multiByte()).isFalse();
        assertThat(r.where()).isEqualTo("line 2, byte 7 (0xE9)");
    }

    @Test
    void aStrayByteAfterUtf8TextIsMixedWhateverTheChunks() {
        byte[] utf8 = "Ren\u00e9\n".getBytes(StandardCharsets.UTF_8);
        byte[] stray = "x\nJos\u00e9\n".getBytes(CP1252);
        byte[] all = new byte[utf8.length + stray.length];
        System.arraycopy(utf8, 0, all, 0, utf8.length);
        System.arraycopy(stray, 0, all, utf8.length, stray.length);
        for (int chunk : new int[] {1, 2, 5, 64}) {
            Utf8Scan.Result r = scan(all, chunk);
            assertThat(r.multiByte()).isTrue();
            assertThat(r.where()).isEqualTo("line 3, byte 11 (0xE9)");
        }
        // the stray byte first, the UTF-8 text after it: mixed too
        byte[] reversed = new byte[all.length];
        System.arraycopy(stray, 0, reversed, 0, stray.length);
        System.arraycopy(utf8, 0, reversed, stray.length, utf8.length);
        assertThat(scan(reversed, 3).multiByte()).isTrue();
        assertThat(scan(reversed, 3).where()).isEqualTo("line 2, byte 5 (0xE9)");
    }

    @Test
    void overlongsSurrogatesAndCutOffSequencesAreInvalid() {
        assertThat(scan(new byte[] {'a', (byte) 0xC0, (byte) 0xAF}, 1).invalidOffset()).isEqualTo(1);
        assertThat(scan(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 1).invalidOffset()).isZero();
        assertThat(scan(new byte[] {'a', 'b', (byte) 0xE2, (byte) 0x82}, 1).invalidOffset()).isEqualTo(2);
        assertThat(scan(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 2).valid()).isFalse();
    }

    private static Utf8Scan.Result scan(byte[] bytes, int chunk) {
        Utf8Scan scan = new Utf8Scan();
        for (int i = 0; i < bytes.length; i += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk));
            scan.update(part, part.length);
        }
        return scan.result();
    }
}
