package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code provisioning.results-bom=false}: CSV result files have no BOM, even when the input had one. */
class ResultsBomOffTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.results-bom", "false");
    }

    @Test
    void csvResultsHaveNoBomWhenTheSettingIsOff() throws IOException {
        drop("bigin-users", "withbom.csv", "\uFEFFemail,last_name,role,profile\nnobom@example.com,N,Manager,Standard\n");
        awaitDone("bigin-users", "withbom.csv");
        String out = Files.readString(path("success/bigin-users/withbom.csv"), StandardCharsets.UTF_8);
        assertThat(out).startsWith("email,last_name,");
    }
}
