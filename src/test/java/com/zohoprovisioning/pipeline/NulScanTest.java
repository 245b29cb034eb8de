package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The NUL scan of a copied input: where the first NUL is, in 8-bit text and in UTF-16 with a BOM, in any chunks. */
class NulScanTest {

    @Test
    void aNulByteIsFoundWithItsLineAndOffsetAcrossChunks() {
        byte[] text = "a,b\n1,2\n3,\0\n".getBytes(StandardCharsets.UTF_8);
        assertThat(scan(text, 1)).isEqualTo(new NulScan.Found(10, 3));
        assertThat(scan(text, 5)).isEqualTo(new NulScan.Found(10, 3));
        assertThat(scan("\0".getBytes(StandardCharsets.UTF_8), 4)).isEqualTo(new NulScan.Found(0, 1));
        assertThat(scan("x\0".getBytes(StandardCharsets.UTF_8), 1)).isEqualTo(new NulScan.Found(1, 1));
        assertThat(scan("no nul here\n".getBytes(StandardCharsets.UTF_8), 3)).isNull();
    }

    @Test
    void inUtf16OnlyAZeroCodeUnitIsANul() {
        for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE}) {
            byte[] bom = utf16 == StandardCharsets.UTF_16BE ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                    : new byte[] {(byte) 0xFF, (byte) 0xFE};
            assertThat(scan(concat(bom, "a,b\n1,2\n".getBytes(utf16)), 3)).as(utf16.name()).isNull();
            assertThat(scan(concat(bom, "a,b\n1,\0\n".getBytes(utf16)), 3)).as(utf16.name())
                    .isEqualTo(new NulScan.Found(14, 2));
        }
    }

    private static NulScan.Found scan(byte[] bytes, int chunk) {
        NulScan scan = new NulScan();
        for (int i = 0; i < bytes.length; i += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk));
            scan.update(part, part.length);
        }
        return scan.found();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
