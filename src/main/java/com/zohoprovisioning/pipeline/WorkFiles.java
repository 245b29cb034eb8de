package com.zohoprovisioning.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Names and moves in the work folder: free names, atomic writes and moves, temp folders deleted. */
final class WorkFiles {

    private static final Logger LOG = LoggerFactory.getLogger(WorkFiles.class);

    private WorkFiles() {
    }

    /** {@code dir/fileName}, or with the run's stamp (and a counter) when that name is taken. */
    static Path unique(Path dir, String fileName, String stamp) {
        Path p = dir.resolve(fileName);
        int n = 0;
        while (Files.exists(p)) {
            p = dir.resolve(stamped(fileName, stamp + (n++ == 0 ? "" : "-" + n)));
        }
        return p;
    }

    /** people.csv → people.20261123-101500-123.csv */
    static String stamped(String fileName, String stamp) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName + "." + stamp : fileName.substring(0, dot) + "." + stamp + fileName.substring(dot);
    }

    /** Written beside the target first and then moved, so a reader never sees half a file. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.write(OutputFiles.file(tmp), bytes);
        move(tmp, target);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Moves the {@code <file>.profile} of a run beside where its input goes. */
    static void moveProfileFile(FileRun run, Path inputTarget) {
        if (run == null || run.profileFile() == null || !Files.exists(run.profileFile())) {
            return;
        }
        try {
            OutputFiles.directories(inputTarget.getParent());
            move(run.profileFile(), inputTarget.resolveSibling(inputTarget.getFileName() + ".profile"));
        } catch (IOException e) {
            LOG.warn("could not move {}: {}", run.profileFile(), e.getMessage());
        }
    }

    /** Deletes a folder and what it holds; a failure is logged, not thrown (temp files are left-overs at worst). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete temp folder {}: {}", dir, e.getMessage());
        }
    }
}
