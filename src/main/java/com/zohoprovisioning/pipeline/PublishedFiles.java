package com.zohoprovisioning.pipeline;

import java.nio.file.Path;

/**
 * Where a finished file's results went: its name in success/, error/ and reports/, the result files (null when
 * there were no such records) and the archive path its input is moved to.
 */
public record PublishedFiles(String name, Path success, Path error, Path archive) {
}
