package com.zohoprovisioning;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * System properties a test sets for an in-process {@code Application.run}; removed again after each test (register
 * it with {@code @RegisterExtension}) or by {@link #clear}.
 */
final class TestSystemProperties implements AfterEachCallback {

    private final List<String> set = new ArrayList<>();

    void set(String key, String value) {
        System.setProperty(key, value);
        set.add(key);
    }

    /** {@code Application.run("--once", extra…)} on a work folder, the inbox polled fast. */
    int once(String workDir, String... extra) {
        set("work.dir", workDir);
        set("provisioning.read-lock-check-ms", "100");
        List<String> args = new ArrayList<>(List.of("--once"));
        args.addAll(List.of(extra));
        return Application.run(args.toArray(String[]::new));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clear();
    }

    void clear() {
        set.forEach(System::clearProperty);
        set.clear();
    }
}
