package com.zohoprovisioning.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the sftp: URIs of routes/ops.yaml name the remote folder: absolute stays absolute, relative stays relative. */
class PartnerSftpComponentTest {

    private final CamelContext context = new DefaultCamelContext();

    PartnerSftpComponentTest() {
        context.getRegistry().bind("sftp", new PartnerSftpComponent());
    }

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private String folder(String uri) {
        return context.getEndpoint(uri, SftpEndpoint.class).getConfiguration().getDirectory();
    }

    @Test
    void aDoubleSlashKeepsTheFolderAbsolute() {
        assertThat(folder("sftp:sftp.partner.example:22//data/partner/outgoing?username=u&strictHostKeyChecking=yes"))
                .isEqualTo("/data/partner/outgoing");
        assertThat(folder("sftp://sftp.partner.example:22//data/partner/outgoing")).isEqualTo("/data/partner/outgoing");
    }

    @Test
    void aSingleSlashIsAFolderUnderTheLoginFolder() {
        assertThat(folder("sftp:sftp.partner.example:22/outgoing/users?username=u")).isEqualTo("outgoing/users");
        assertThat(folder("sftp:sftp.partner.example:22/?username=u")).isEmpty();
    }

    @Test
    void endpointOptionsAreSetAsOnCamelsOwnComponent() {
        SftpEndpoint e = context.getEndpoint("sftp:h:2222//data?username=partner&strictHostKeyChecking=yes"
                + "&knownHostsFile=/k&autoCreate=false&stepwise=false", SftpEndpoint.class);
        assertThat(e.getConfiguration().getUsername()).isEqualTo("partner");
        assertThat(e.getConfiguration().getStrictHostKeyChecking()).isEqualTo("yes");
        assertThat(e.getConfiguration().getKnownHostsFile()).isEqualTo("/k");
        assertThat(e.getConfiguration().isStepwise()).isFalse();
        assertThat(e.isAutoCreate()).isFalse();
        assertThat(e.getConfiguration().getPort()).isEqualTo(2222);
    }
}
