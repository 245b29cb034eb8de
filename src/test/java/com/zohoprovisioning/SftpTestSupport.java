package com.zohoprovisioning;

import com.zohoprovisioning.ops.EmbeddedSftpServer;
import org.junit.jupiter.api.AfterEach;

import java.util.LinkedHashMap;
import java.util.Map;

/** The real routes with an embedded SFTP server on loopback as the bigin-users source (one server per test). */
abstract class SftpTestSupport extends PipelineTestSupport {

    private EmbeddedSftpServer server;

    /** The server, started on first use (the Camel test base asks for settings in its constructor). */
    protected EmbeddedSftpServer server() {
        if (server == null) {
            server = new EmbeddedSftpServer(workDir().resolveSibling(workDir().getFileName() + "-remote"));
        }
        return server;
    }

    /** Host, port and user of the bigin-users SFTP source, plus the given key/value pairs. */
    protected Map<String, String> sftpSource(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sftp.bigin-users.host", "127.0.0.1");
        p.put("sftp.bigin-users.port", String.valueOf(server().port()));
        p.put("sftp.bigin-users.user", EmbeddedSftpServer.USER);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
