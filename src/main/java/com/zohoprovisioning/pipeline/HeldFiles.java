package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code approve <feed> <file>}: releases a held file. {@code held/<feed>/<file>} (and its {@code .profile}) goes
 * back into {@code inbox/<feed>/} with a {@code <file>.approved} beside it, written first, that lets it through the
 * repeat check once; its {@code .reason.txt} goes (a held roster's {@code .plan.csv} and {@code .summary.json}
 * too). A file held by the runaway guard continues from its journal as when moved back by hand (whose left-over
 * sidecars go when it is taken: {@link #taken}).
 */
public final class HeldFiles {

    private HeldFiles() {
    }

    /** Releases the file; returns what was done. {@link IllegalArgumentException} when there is nothing to release. */
    public static String approve(Path workDir, java.util.Collection<String> feeds, String feed, String file)
            throws IOException {
        if (!feeds.contains(feed)) {
            throw new IllegalArgumentException("unknown feed '" + feed + "' (feeds: " + String.join(", ", feeds) + ")");
        }
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException("give the held file's name, as in held/" + feed + "/, not a path: " + file);
        }
        Path heldDir = workDir.resolve("held").resolve(feed);
        Path held = heldDir.resolve(file);
        if (!Files.isRegularFile(held)) {
            throw new IllegalArgumentException("no held file " + workDir.relativize(held) + " (held there: "
                    + heldNames(heldDir) + ")");
        }
        Path inbox = Files.createDirectories(workDir.resolve("inbox").resolve(feed));
        Path target = inbox.resolve(file);
        if (Files.exists(target)) {
            throw new IllegalArgumentException(workDir.relativize(target) + " already exists: let it finish, or move it"
                    + " away, then approve again");
        }
        String plan = planDigest(heldDir.resolve(file + ".reason.txt"));
        WorkFiles.writeAtomically(inbox.resolve(file + RepeatedFiles.APPROVED), (RepeatedFiles.approval(held)
                + (plan == null ? "" : "plan=" + plan + "\n")).getBytes(StandardCharsets.UTF_8));
        Path profile = heldDir.resolve(file + ".profile");
        if (Files.isRegularFile(profile)) {
            WorkFiles.move(profile, inbox.resolve(file + ".profile"));
        }
        WorkFiles.move(held, target);
        deleteSidecars(heldDir, file);
        return "Released " + workDir.relativize(held) + " into " + workDir.relativize(inbox) + "/ (approved once: it is"
                + (plan == null ? " processed on the next poll or --once run even if it repeats a processed file)"
                : " processed on the next poll or --once run with the plan approved, digest " + plan
                + "; if the leavers differ by then, it is held again)");
    }

    /**
     * A file taken from the inbox that was held under this name and has left held/ (moved back by hand, by the
     * service when the credits are back, or by {@link #approve}): the sidecars its hold left go, whatever held it: its
     * {@link #SIDECARS}; its {@code .profile} goes back beside it unless one is there, so it
     * continues with the mapping it started with. Nothing goes while a held file of that name is still there.
     */
    static void taken(Path workDir, String feed, Path source) throws IOException {
        String name = source.getFileName().toString();
        Path heldDir = workDir.resolve("held").resolve(feed);
        if (!Files.isDirectory(heldDir) || Files.exists(heldDir.resolve(name))) {
            return;
        }
        deleteSidecars(heldDir, name);
        Path profile = heldDir.resolve(name + ".profile");
        Path beside = source.resolveSibling(name + ".profile");
        if (Files.isRegularFile(profile) && !Files.exists(beside)) {
            WorkFiles.move(profile, beside);
        }
    }

    /** What a hold writes beside the held file: why, and for a roster its plan and summary. */
    static final java.util.List<String> SIDECARS = java.util.List.of(".reason.txt", ".plan.csv", ".summary.json");

    private static void deleteSidecars(Path heldDir, String file) throws IOException {
        for (String sidecar : SIDECARS) {
            Files.deleteIfExists(heldDir.resolve(file + sidecar));
        }
    }

    /** The roster plan's digest a roster guard's reason names ("Plan digest: …"), or null. */
    private static String planDigest(Path reason) throws IOException {
        if (!Files.isRegularFile(reason)) {
            return null;
        }
        return Files.readAllLines(reason, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("Plan digest: "))
                .map(l -> l.substring("Plan digest: ".length()).trim()).findFirst().orElse(null);
    }

    private static String heldNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "none";
        }
        try (Stream<Path> s = Files.list(dir)) {
            String names = String.join(", ", s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.endsWith(".profile")
                            && SIDECARS.stream().noneMatch(n::endsWith))
                    .sorted().toList());
            return names.isEmpty() ? "none" : names;
        }
    }
}
