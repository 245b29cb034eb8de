package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code provisioning.repeat-window=0}: the repeat check is off, the same bytes run again. */
class RepeatWindowOffTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.repeat-window", "0");
    }

    @Test
    void theSameBytesAgainRunAgain() {
        drop(RepeatedFileTest.FEED, "people.csv", RepeatedFileTest.ADDS);
        awaitDone(RepeatedFileTest.FEED, "people.csv");
        drop(RepeatedFileTest.FEED, "people (1).csv", RepeatedFileTest.ADDS);
        awaitDone(RepeatedFileTest.FEED, "people (1).csv");
        assertThat(path("held/" + RepeatedFileTest.FEED)).doesNotExist();
        assertThat(csv("error/" + RepeatedFileTest.FEED + "/people (1).csv")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("result_code")).isEqualTo("DUPLICATE_DATA"));
    }
}
