package com.zohoprovisioning.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox finds its APIs through the services file, so none is lost when the list lives outside ZohoSandbox. */
class SandboxApiDiscoveryTest {

    @Test
    void everyApiIsListedInTheServicesFile() {
        List<String> found = new ArrayList<>();
        for (SandboxApi.Factory f : ServiceLoader.load(SandboxApi.Factory.class, ZohoSandbox.class.getClassLoader())) {
            found.add(f.getClass().getEnclosingClass().getSimpleName());
        }
        assertThat(found).containsExactly("OAuthApi", "HooksApi", "BiginUsersApi", "CrmUsersApi", "CrmUserGroupsApi", "OrgApi",
                "MailAccountsApi");
    }
}
