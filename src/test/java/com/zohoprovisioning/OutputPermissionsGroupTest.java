package com.zohoprovisioning;

import java.util.Map;

/** provisioning.output-group-readable=true: the same run's outputs are 0640 and their folders 0750. */
class OutputPermissionsGroupTest extends OutputPermissionsTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.output-group-readable", "true");
    }

    @Override
    protected String file() {
        return "rw-r-----";
    }

    @Override
    protected String folder() {
        return "rwxr-x---";
    }
}
