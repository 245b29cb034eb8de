package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks on an input file before it is read as records: not empty, not over {@code provisioning.max-file-bytes},
 * not an Excel workbook or ZIP archive, not binary data, not only blank lines. Only the file's head is read.
 */
final class InputFileCheck {

    private InputFileCheck() {
    }

    /**
     * The file's head, once the file has passed the checks; a {@link FileRejectedException} otherwise. {@code nul}:
     * the first NUL character found in the whole file as it was copied ({@link NulScan}), or null.
     */
    static FileHead check(Path file, ReaderSettings settings, NulScan.Found nul) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new FileRejectedException("the file is empty (0 bytes)");
        }
        checkSize(size, settings);
        FileHead head = FileHead.read(file, size);
        rejectBinary(head);
        // past the head: a NUL in UTF-16 without a BOM is its encoding, rejected as such when the text is opened
        if (nul != null && (head.utf16Bom() || !head.looksUtf16())) {
            throw new FileRejectedException("the file holds binary data (a NUL character on line " + nul.line()
                    + ", at byte " + nul.offset() + "), not text");
        }
        if (head.whole() && head.blank()) {
            throw new FileRejectedException("the file holds no data (only blank lines or spaces)");
        }
        return head;
    }

    /** A file over {@code provisioning.max-file-bytes} is rejected before it is read (or copied). */
    static void checkSize(long size, ReaderSettings settings) {
        if (size > settings.maxFileBytes()) {
            throw new FileRejectedException("the file is " + size + " bytes, over the limit of "
                    + settings.maxFileBytes() + " (provisioning.max-file-bytes)");
        }
    }

    private static void rejectBinary(FileHead head) {
        if (head.startsWith('P', 'K', 3, 4)) {
            throw new FileRejectedException("this is an Excel workbook (.xlsx) or a ZIP archive, not CSV or JSON: "
                    + "save it as 'CSV UTF-8'");
        }
        if (head.startsWith(0xD0, 0xCF, 0x11, 0xE0)) {
            throw new FileRejectedException("this is an Excel 97-2003 workbook (.xls), not CSV or JSON: save it as 'CSV UTF-8'");
        }
        if (head.utf16Bom()) {
            return;
        }
        byte[] bytes = head.bytes();
        int controls = 0;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == 0) {
                if (!head.looksUtf16()) {
                    throw new FileRejectedException("the file holds binary data (NUL bytes), not text");
                }
                return;
            }
            if (c < 0x20 && !FileHead.lineSpace(c)) {
                controls++;
            }
        }
        if (bytes.length > 0 && controls * 20 > bytes.length) {
            throw new FileRejectedException("the file holds binary data, not text");
        }
    }
}
