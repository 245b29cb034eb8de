package com.zohoprovisioning;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Test input: a Bigin users CSV of n valid rows, {@code <prefix><i>@example.com}, role Manager, profile Standard. */
final class BiginUsersCsv {

    private BiginUsersCsv() {
    }

    static String of(String prefix, int n) {
        String initial = prefix.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        return "email,last_name,role,profile\n" + IntStream.rangeClosed(1, n)
                .mapToObj(i -> prefix + i + "@example.com," + initial + i + ",Manager,Standard")
                .collect(Collectors.joining("\n")) + "\n";
    }
}
