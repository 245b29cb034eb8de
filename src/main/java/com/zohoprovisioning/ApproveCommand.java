package com.zohoprovisioning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code approve <feed> <file>}: a held file released into its inbox. */
final class ApproveCommand {

    private ApproveCommand() {
    }

    /**
     * {@code approve <feed> <file>}: releases {@code held/<feed>/<file>} into {@code inbox/<feed>/}, approved once
     * past the repeat check ({@link com.zohoprovisioning.pipeline.HeldFiles}). Exit 0 and what was done; 2 when the
     * feed or the held file does not exist.
     */
    static int approve(String feed, String file, String config, Map<String, String> arguments)
            throws IOException {
        FileSettings.refuseUnknown(config, arguments);
        Function<String, String> props = FileSettings.read(config, arguments);
        String dir = FileSettings.resolve(props, props.apply("work.dir"), 0);
        Path workDir = Path.of(dir == null || dir.isBlank() ? "work" : dir.trim()).toAbsolutePath().normalize();
        try {
            System.out.println(com.zohoprovisioning.pipeline.HeldFiles.approve(workDir, feedNames(), feed, file));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("zoho-provisioning approve: " + e.getMessage());
            return 2;
        }
    }

    /** The feeds this build has (every Feed class under com.zohoprovisioning.feeds). */
    private static List<String> feedNames() throws IOException {
        try (org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            return com.zohoprovisioning.pipeline.Feeds.discover(context).stream()
                    .map(com.zohoprovisioning.pipeline.Feed::name).sorted().toList();
        }
    }
}
