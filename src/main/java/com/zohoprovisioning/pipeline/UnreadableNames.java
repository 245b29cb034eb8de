package com.zohoprovisioning.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Inputs whose name the JVM cannot decode in its file-name encoding ({@code sun.jnu.encoding}): Latin-1 bytes under
 * a UTF-8 locale, any non-ASCII name under {@code LANG=C}. Such a name, turned into a String, names no file (the
 * consumer would see a file it cannot open, and --once would wait for it for ever), so the file is moved, by its raw
 * bytes, to {@code rejected/<feed>/} under a safe derived name (what cannot be read becomes {@code _}, {@code ~} and 8
 * hex digits of the SHA-256 of the raw name added, the extension kept), with a reason naming the real name and the fix.
 * Nothing of it is read. The inbox consumer ({@link InboxFilter}) and --once both call {@link #rejectAll} before
 * they count or take files, so both see the same files.
 */
public final class UnreadableNames {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableNames.class);

    private final Path workDir;
    private final RunStats stats;
    private final Set<Path> failed = ConcurrentHashMap.newKeySet();

    public UnreadableNames(Path workDir, RunStats stats) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.stats = stats;
    }

    /** True when the entry's name, decoded and encoded again, is not the name it has on disk. */
    public static boolean undecodable(Path entry) {
        Path name = entry.getFileName();
        try {
            return !name.equals(name.getFileSystem().getPath(name.toString()));
        } catch (InvalidPathException e) {
            return true;
        }
    }

    /** Rejects every input of a feed's folder whose name cannot be decoded; returns how many it moved. */
    public synchronized int rejectAll(Path feedDir) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(feedDir)) {
            entries = s.filter(UnreadableNames::undecodable).toList();
        } catch (IOException e) {
            return 0;
        }
        int moved = 0;
        for (Path entry : entries) {
            String decoded = entry.getFileName().toString();
            // hidden (temp names) and other extensions are not ours to take: left to the misplaced-file warning
            if (decoded.startsWith(".") || !input(decoded) || !Files.isRegularFile(entry)) {
                continue;
            }
            if (reject(feedDir.getFileName().toString(), entry)) {
                moved++;
            }
        }
        return moved;
    }

    private boolean reject(String feed, Path entry) {
        byte[] raw = rawName(entry);
        String shown = readable(raw);
        String reason = reason(shown);
        try {
            Path dir = OutputFiles.directories(workDir.resolve("rejected").resolve(feed));
            Path target = WorkFiles.unique(dir, safeName(raw), String.valueOf(System.currentTimeMillis()));
            WorkFiles.move(entry, target);
            String saved = target.getFileName().toString();
            WorkFiles.writeAtomically(target.resolveSibling(saved + ".reason.txt"), ("File: " + shown + "\nSaved as: "
                    + saved + " (the name cannot be read)\nFeed: " + feed + "\nRejected: " + Instant.now() + "\nReason: "
                    + reason + "\nNo record of this file was sent to Zoho. Drop it into inbox/" + feed + "/ again under a"
                    + " name that can be read (or once the program runs under a UTF-8 locale).\n")
                    .getBytes(StandardCharsets.UTF_8));
            stats.fileRejected();
            LOG.warn("Rejected {}/{}: {}; moved to rejected/{}/{}", feed, shown, reason, feed, saved);
            return true;
        } catch (NoSuchFileException e) {
            return false;  // gone meanwhile
        } catch (IOException e) {
            if (failed.add(entry.toAbsolutePath())) {
                LOG.warn("{}/{}: {}; it could not be moved to rejected/: {}", feed, shown, reason, e.getMessage());
            }
            return false;
        }
    }

    static String reason(String shown) {
        String encoding = InboxFilter.fileNameEncoding();
        if (utf8(encoding)) {
            return "its name cannot be read in the file-name encoding " + encoding + ": the name '" + shown + "' is not"
                    + " UTF-8 (written by a program using another encoding, such as Latin-1); nothing of the file was"
                    + " read: rename it (plain ASCII, or UTF-8)";
        }
        return "its name cannot be read in the file-name encoding " + encoding + " (sun.jnu.encoding, from the locale);"
                + " nothing of the file was read: start the program under a UTF-8 locale, e.g. LANG=C.UTF-8 (in cron:"
                + " LANG=C.UTF-8 at the top of the crontab; in a systemd unit: Environment=LANG=C.UTF-8), or rename"
                + " the file to plain ASCII";
    }

    private static boolean utf8(String encoding) {
        return encoding.replace("-", "").equalsIgnoreCase("UTF8");
    }

    /** The name's bytes on disk (a Unix path's URI keeps them, escaped). */
    static byte[] rawName(Path entry) {
        String path = entry.toAbsolutePath().toUri().getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                out.write(HexFormat.fromHexDigits(name, i + 1, i + 3));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** The name as UTF-8 where it is, each byte that is not (and each control character) as {@code \xE9}. */
    static String readable(byte[] raw) {
        StringBuilder b = new StringBuilder();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate(raw.length + 1);
        while (in.hasRemaining()) {
            var result = decoder.decode(in, out, true);
            out.flip();
            // a control character (a line break) would forge a line of the reason file
            out.chars().forEach(c -> b.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", c)
                    : String.valueOf((char) c)));
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    b.append(String.format("\\x%02X", in.get() & 0xff));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return b.toString();
    }

    /**
     * A name the file-name encoding can hold: the UTF-8 characters of the raw name it can encode, {@code _} for the
     * rest, {@code ~} and 8 hex digits of the raw name's SHA-256 before the extension; shortened as outputs are.
     */
    static String safeName(byte[] raw) {
        String decoded = new String(raw, StandardCharsets.UTF_8);
        CharsetEncoder encoder = fileNameCharset().newEncoder();
        StringBuilder b = new StringBuilder();
        decoded.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            b.append(cp != 0xFFFD && cp >= 0x20 && cp != 0x7F && canEncode(encoder, c) ? c : "_");
        });
        String name = b.toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        String tag = "~" + HexFormat.of().formatHex(Sha256.digest().digest(raw)).substring(0, 8);
        return OutputNames.of(name.substring(0, name.length() - ext.length()) + tag + ext);
    }

    private static boolean canEncode(CharsetEncoder encoder, String c) {
        try {
            encoder.reset();
            encoder.encode(CharBuffer.wrap(c));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(InboxFilter.fileNameEncoding());
        } catch (RuntimeException e) {
            return StandardCharsets.US_ASCII;
        }
    }

    private static boolean input(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }
}
