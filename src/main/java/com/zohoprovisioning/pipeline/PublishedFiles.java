package com.zohoprovisioning.pipeline;

import java.nio.file.Path;

/**
 * Where a finished file's results went: the name they were published under, the result files (null when there
 * were no such records), where its input is moved (archive/, or dry-run/ for a dry run) and its summary.
 */
public record PublishedFiles(String name, Path success, Path error, Path archive, Path summary) {
}
