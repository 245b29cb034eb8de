package com.zohoprovisioning;

import java.util.ArrayList;
import java.util.List;

/** System properties a test sets for an in-process {@code Application.run}; {@link #clear} removes them again. */
final class TestSystemProperties {

    private final List<String> set = new ArrayList<>();

    void set(String key, String value) {
        System.setProperty(key, value);
        set.add(key);
    }

    void clear() {
        set.forEach(System::clearProperty);
        set.clear();
    }
}
