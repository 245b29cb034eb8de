package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.mapping.MappingProfile;
import com.zohoprovisioning.mapping.ProfiledRecordSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens the file of the exchange as a {@link FileRun} in {@code zpRun}: its private copy, the only version the run
 * reads ({@link TakenInput}; moved where the input goes when the exchange completes, {@link InputMove}), its format,
 * charset and header, the mapping profile a {@code <file>.profile} beside it forces, its journal (an interrupted run
 * resumes). A file that cannot be read, or lacks a required column, is rejected ({@link FileRejectedException}), and
 * so is a symbolic link unless {@code provisioning.follow-symlinks} is true: nothing of its target is read.
 */
public final class FileOpener {

    private static final Logger LOG = LoggerFactory.getLogger(FileOpener.class);

    private final Path workDir;
    private final Map<String, FeedDefinition> feeds;
    private final boolean dryRun;
    private final JournalResumer journals;
    private final boolean resultsBom;
    private final boolean followSymlinks;

    public FileOpener(Path workDir, Map<String, FeedDefinition> feeds, boolean dryRun) {
        this(workDir, feeds, dryRun, true, false);
    }

    /**
     * {@code resultsBom}: CSV result files start with a UTF-8 BOM ({@code provisioning.results-bom});
     * {@code followSymlinks}: a symbolic link in an inbox is read as its target ({@code provisioning.follow-symlinks}).
     */
    public FileOpener(Path workDir, Map<String, FeedDefinition> feeds, boolean dryRun, boolean resultsBom,
                      boolean followSymlinks) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.feeds = feeds;
        this.dryRun = dryRun;
        this.resultsBom = resultsBom;
        this.followSymlinks = followSymlinks;
        this.journals = new JournalResumer(this.workDir);
    }

    public void open(Exchange exchange) throws IOException {
        String feedName = exchange.getProperty(RunProperties.FEED, String.class);
        FeedDefinition feed = feeds.get(feedName);
        if (feed == null) {
            throw new IllegalStateException("unknown feed " + feedName);
        }
        Path source = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath()
                .normalize();
        exchange.setProperty(RunProperties.SOURCE, source.toString());
        exchange.getExchangeExtension().addOnCompletion(new InputMove(source));
        String outputName = OutputNames.of(source.getFileName().toString());
        if (!outputName.equals(source.getFileName().toString())) {
            LOG.warn("{}/{}: its name is {} bytes, too long for the names of its results (at most {}): they are named "
                            + "after {}", feedName, source.getFileName(), OutputNames.bytes(source.getFileName().toString()),
                    OutputNames.MAX_BYTES, outputName);
        }
        deleteStaleTemp(feedName, outputName);
        Path tmp = workDir.resolve(".tmp").resolve(feedName).resolve(outputName + "." + System.nanoTime());
        FileRun run = new FileRun(feed, source, FileFormat.of(source.getFileName().toString()), tmp, dryRun);
        run.resultsBom(resultsBom);
        exchange.setProperty(RunProperties.RUN, run);
        if (!followSymlinks && Files.isSymbolicLink(source)) {
            throw new FileRejectedException("it " + symlink(source));
        }
        run.input(TakenInput.take(source, tmp.resolveSibling(tmp.getFileName() + ".input"), feed.reader()));
        // back from held/: its reason (and plan) go, its profile comes along
        HeldFiles.taken(workDir, feedName, source);
        if (!dryRun) {
            journals.open(run);
        }
        FieldMapping mapping = mappingFor(feed, source, run);
        run.mapping(mapping);
        run.records(new ProfiledRecordSource(RecordReader.open(run.input().copy(), run.format(), feed.reader(),
                mapping, run.input().nul(), run.input().utf8())));
        for (String required : feed.requiredColumns()) {
            boolean present = false;
            for (String alternative : required.split("\\|")) {
                present |= run.records().fields().contains(alternative);
            }
            if (!present && !(run.format() != FileFormat.CSV && !run.records().hasNext())) {
                throw new FileRejectedException("the required column '" + required.replace("|", "' or '")
                        + "' is missing (columns found: " + describeColumns(run) + ")" + noHeaderHint(run));
            }
        }
        FieldMapping chosen = run.records().mapping();
        LOG.info("Processing {}/{} ({}, {}{}{})", feedName, run.fileName(), run.format(), run.records().charset(),
                run.format() == FileFormat.CSV ? ", delimiter '" + printable(run.records().delimiter()) + "'" : "",
                chosen == null || chosen.profile() == null ? ""
                        : ", profile " + chosen.profile().name() + " (" + chosen.profileSource() + ")");
    }

    /** Why a link is rejected: where it points, never what its target holds. */
    private static String symlink(Path link) {
        String target;
        try {
            target = "'" + Files.readSymbolicLink(link) + "'";
        } catch (IOException e) {
            target = "a target that cannot be read";
        }
        return "is a symbolic link (to " + target + "), and links in an inbox are not followed: nothing of its"
                + " target was read (the link itself is moved here; provisioning.follow-symlinks=true reads the"
                + " target)";
    }

    /**
     * The feed's mapping, or one whose profile a {@code <file>.profile} beside the input forces (its first line: a
     * profile name, or none). An unknown name rejects the file.
     */
    private FieldMapping mappingFor(FeedDefinition feed, Path source, FileRun run) throws IOException {
        Path sidecar = source.resolveSibling(source.getFileName() + ".profile");
        if (!Files.isRegularFile(sidecar)) {
            return feed.mapping();
        }
        run.profileFile(sidecar);
        if (!followSymlinks && Files.isSymbolicLink(sidecar)) {
            throw new FileRejectedException(sidecar.getFileName() + " " + symlink(sidecar));
        }
        String name = Files.readString(sidecar, StandardCharsets.UTF_8).replace("\uFEFF", "").strip().split("\\R", 2)[0]
                .strip();
        if (name.equalsIgnoreCase("none")) {
            return feed.mapping().withProfile(null, FieldMapping.SOURCE_FILE);
        }
        MappingProfile p = feed.mapping().profiles().byName(name);
        if (p == null) {
            throw new FileRejectedException(sidecar.getFileName() + " names the mapping profile '" + name + "', which feed "
                    + feed.name() + " does not know (known: none, " + String.join(", ", feed.mapping().profiles().names())
                    + ")");
        }
        return feed.mapping().withProfile(p, FieldMapping.SOURCE_FILE);
    }

    /** The temp folders an earlier run of the same file left (killed before it finished). */
    private void deleteStaleTemp(String feed, String fileName) {
        Path dir = workDir.resolve(".tmp").resolve(feed);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(fileName + ".")).forEach(WorkFiles::deleteTree);
        } catch (IOException e) {
            LOG.warn("could not clean {}: {}", dir, e.getMessage());
        }
    }

    private static String describeColumns(FileRun run) {
        List<String> cols = run.records().columns();
        String s = cols != null ? String.join(", ", cols) : String.join(", ", run.records().fields());
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** A CSV whose "header" holds an e-mail address has no header row at all. */
    private static String noHeaderHint(FileRun run) {
        List<String> cols = run.records().columns();
        if (cols != null && cols.stream().anyMatch(c -> c.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            return "; the first row looks like data, not a header: the file needs a header row naming its columns";
        }
        return "";
    }

    private static String printable(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }
}
