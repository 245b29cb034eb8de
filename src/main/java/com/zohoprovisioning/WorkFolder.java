package com.zohoprovisioning;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.pipeline.OutputFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The work folder, checked before anything starts: a folder this process can write (created when missing, owner-only
 * as every output folder), else one line naming it and exit 2. Without it a run could not move, journal or publish
 * anything, and would retry every file for ever.
 */
final class WorkFolder {

    private WorkFolder() {
    }

    static void check(Path workDir) {
        Path w = workDir.toAbsolutePath().normalize();
        if (Files.exists(w) && !Files.isDirectory(w)) {
            throw new ConfigurationException("work.dir=" + w + " is a file, not a folder: point work.dir at a folder"
                    + " (it is created when missing)");
        }
        try {
            OutputFiles.directories(w);
            Files.delete(Files.createTempFile(w, ".write-check-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("work.dir=" + w + " is not a folder this process can write ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): give this user write access to it,"
                    + " or point work.dir elsewhere");
        }
    }
}
