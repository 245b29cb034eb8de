package com.zohoprovisioning.feeds.crmusers;

import com.zohoprovisioning.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** crm-users against an org out of licences: adding and reactivating fail with Zoho's code. */
class CrmUsersLicenceTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        // the seed's CRM org has four active users (the invited one included)
        return Map.of("sandbox.licences", "4");
    }

    @Test
    void addingAndReactivatingFailWithZohosCode() {
        drop("crm-users", "more.csv", """
                email,first_name,last_name,role,profile,action
                ana.silva@zylker.com,Ana,Silva,Sales Rep,Standard,add
                ivan.petrov@zylker.com,,,,,activate
                """);
        awaitDone("crm-users", "more.csv");
        List<Map<String, String>> err = csv("error/crm-users/more.csv");
        assertThat(err).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("result_code", "LICENSE_LIMIT_EXCEEDED"));
        assertThat(csv("success/crm-users/more.csv")).isEmpty();
    }
}
