package com.zohoprovisioning.ops;

import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpComponent;
import org.apache.camel.component.file.remote.SftpComponentConfigurer;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpEndpointConfigurer;
import org.apache.camel.component.file.remote.SftpOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.apache.camel.spi.PropertyConfigurer;

import java.net.URI;
import java.util.Map;

/**
 * The {@code sftp:} component of routes/ops.yaml: camel-ftp's, with a partner's folders taken as configured.
 * <ul>
 * <li>An absolute folder stays absolute: {@code sftp:host:22//data/partner/outgoing} is {@code /data/partner/outgoing}
 * on the server, {@code sftp:host:22/outgoing} is {@code outgoing} under the login folder. camel-ftp itself strips
 * every leading slash (FtpUtils.ensureRelativeFtpDirectory), which turns the first into a new, empty folder
 * {@code data/partner/outgoing} under the login folder.</li>
 * <li>The endpoint's own folder is never created on the server: a folder below it may be ({@code archive/},
 * {@code success/}, …), only once the endpoint's folder exists; otherwise the operation fails naming host and folder.
 * The consumer has {@code autoCreate=false}, so a poll of a missing folder fails at its listing.</li>
 * </ul>
 */
public class PartnerSftpComponent extends SftpComponent {

    // camel-ftp's generated configurers, which Camel finds by the component's annotation (not inherited)
    private final PropertyConfigurer componentConfigurer = new SftpComponentConfigurer();
    private final PropertyConfigurer endpointConfigurer = new SftpEndpointConfigurer();

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return componentConfigurer;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return endpointConfigurer;
    }

    @Override
    protected GenericFileEndpoint<SftpRemoteFile> buildFileEndpoint(String uri, String remaining,
                                                                    Map<String, Object> parameters) throws Exception {
        // as SftpComponent does, without making the folder relative
        int query = uri.indexOf('?');
        SftpConfiguration config = new SftpConfiguration(new URI(query < 0 ? uri : uri.substring(0, query)));
        return new PartnerSftpEndpoint(uri, this, config);
    }

    /** The message of a folder that is missing on the server (consumer listing or producer upload). */
    static String missingFolder(SftpConfiguration config, String folder) {
        String where = folder.startsWith("/") ? folder : folder + " (relative to the login folder)";
        return "remote folder " + where + " does not exist on " + config.remoteServerInformation()
                + " (it is never created: create it on the server, or correct the folder setting)";
    }

    static final class PartnerSftpEndpoint extends SftpEndpoint {

        PartnerSftpEndpoint(String uri, SftpComponent component, SftpConfiguration configuration) {
            super(uri, component, configuration);
        }

        @Override
        public RemoteFileOperations<SftpRemoteFile> createRemoteFileOperations() {
            SftpOperations operations = new FolderKeepingOperations(this);
            operations.setEndpoint(this);
            return operations;
        }
    }

    /** Builds folders below the endpoint's folder only, never the endpoint's folder itself. */
    static final class FolderKeepingOperations extends SftpOperations {

        private final SftpEndpoint endpoint;

        FolderKeepingOperations(SftpEndpoint endpoint) {
            // no jsch proxy: the routes set none
            super();
            this.endpoint = endpoint;
        }

        /** A listing that fails because the folder is not there says so, naming host and folder. */
        @Override
        public SftpRemoteFile[] listFiles(String path) {
            try {
                return super.listFiles(path);
            } catch (GenericFileOperationFailedException e) {
                if (path != null && !path.isEmpty() && !path.equals(".") && !path.equals("/")
                        && !existsFile(stripTrailingSlash(path))) {
                    throw new GenericFileOperationFailedException(missingFolder(endpoint.getConfiguration(), path));
                }
                throw e;
            }
        }

        @Override
        public boolean buildDirectory(String directory, boolean absolute) {
            String base = endpoint.getConfiguration().getDirectory();
            if (base != null && !base.isEmpty() && !base.equals("/") && !existsFile(stripTrailingSlash(base))) {
                throw new GenericFileOperationFailedException(missingFolder(endpoint.getConfiguration(), base));
            }
            return super.buildDirectory(directory, absolute);
        }

        private static String stripTrailingSlash(String s) {
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
