package com.zohoprovisioning.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox finds its APIs by a classpath scan of its package: adding one is adding its class, no list to edit. */
class SandboxApiDiscoveryTest {

    @Test
    void everyApiOfThePackageIsFound() {
        List<String> found = ZohoSandbox.factories().stream().map(f -> f.getEnclosingClass().getSimpleName()).toList();
        assertThat(found).containsExactlyInAnyOrder("OAuthApi", "HooksApi", "BiginUsersApi", "CrmUsersApi",
                "CrmUserGroupsApi", "OrgApi", "MailAccountsApi");
    }

    @Test
    void aRequestGoesToTheMostSpecificEndpointWhateverTheOrder() {
        SandboxRouter router = new SandboxRouter();
        router.api("GET", "/crm/v6/users/{id}", req -> null);
        router.api("GET", "/crm/v6/users/count", req -> null);
        assertThat(router.match("GET", "/crm/v6/users/count").endpoint().pattern()).isEqualTo("/crm/v6/users/count");
        assertThat(router.match("GET", "/crm/v6/users/42").pathParams()).containsEntry("id", "42");
    }
}
