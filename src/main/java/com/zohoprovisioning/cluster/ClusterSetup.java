package com.zohoprovisioning.cluster;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Two instances on one work folder ({@code cluster.enabled=true}): Camel's cluster service chosen by
 * {@code cluster.service} (the file lock on the shared work folder, or a Kubernetes Lease), and the property
 * {@code cluster.leader-only} that the routes put before every consumer that takes work ({@code master:<namespace>:}
 * when the cluster is on, nothing when it is off), so that only the leader of the namespace consumes.
 * <p>
 * One namespace for the whole instance ({@code cluster.namespace}, default {@code zoho-provisioning}), not one per
 * feed: the leader does all the work, because Zoho's limits (calls in flight, daily API credits) are the org's, not
 * a feed's; two leaders sending to one org would share them without knowing of each other.
 */
public final class ClusterSetup {

    /** The property the routes read: {@code master:<namespace>:} or empty. */
    public static final String LEADER_ONLY = "cluster.leader-only";

    private ClusterSetup() {
    }

    /** Adds the cluster service (when on) and sets {@link #LEADER_ONLY}; returns the role watcher, or null when off. */
    public static ClusterRole configure(CamelContext context, Settings settings, Path workDir) {
        if (!settings.bool("cluster.enabled")) {
            context.getPropertiesComponent().addInitialProperty(LEADER_ONLY, "");
            return null;
        }
        if (settings.optionalText("provisioning.once").map(Boolean::parseBoolean).orElse(false)) {
            throw new ConfigurationException("cluster.enabled=true is for the service (two instances watching one work"
                    + " folder); --once runs one batch: schedule it on one machine, or run the service on two");
        }
        String namespace = settings.text("cluster.namespace");
        String kind = settings.text("cluster.service").toLowerCase(Locale.ROOT);
        String id = settings.optionalText("cluster.id").orElseGet(() -> kind.equals("kubernetes") ? podName(settings) : defaultId());
        CamelClusterService service = switch (kind) {
            case "file" -> fileLock(settings, workDir, id);
            case "kubernetes" -> kubernetes(settings, id);
            default -> throw new ConfigurationException("cluster.service=" + kind + ": use file or kubernetes");
        };
        try {
            context.addService(service, true, true);
        } catch (Exception e) {
            throw new ConfigurationException("cannot start the cluster service (" + kind + "): " + e.getMessage());
        }
        context.getPropertiesComponent().addInitialProperty(LEADER_ONLY, "master:" + namespace + ":");
        return new ClusterRole(context, service, namespace, describe(kind, settings, workDir));
    }

    private static FileLockClusterService fileLock(Settings settings, Path workDir, String id) {
        FileLockClusterService s = new FileLockClusterService();
        s.setId(id);
        s.setRoot(root(settings, workDir).toString());
        s.setAcquireLockDelay(1, TimeUnit.MILLISECONDS);
        s.setAcquireLockInterval(settings.longNumber("cluster.file.acquire-lock-interval-ms"), TimeUnit.MILLISECONDS);
        s.setHeartbeatTimeoutMultiplier(settings.integer("cluster.file.heartbeat-timeout-multiplier"));
        return s;
    }

    private static Path root(Settings settings, Path workDir) {
        return settings.optionalText("cluster.file.root").map(Path::of).orElse(workDir.resolve(".cluster"))
                .toAbsolutePath().normalize();
    }

    private static KubernetesClusterService kubernetes(Settings settings, String id) {
        KubernetesClusterService s = new KubernetesClusterService();
        s.setId(id);
        // the Lease is granted only to a pod of the namespace's pod list, named as Kubernetes names it
        s.setPodName(podName(settings));
        s.setLeaseResourceType(LeaseResourceType.Lease);
        settings.optionalText("cluster.kubernetes.namespace").ifPresent(s::setKubernetesNamespace);
        s.setLeaseDurationMillis(settings.longNumber("cluster.kubernetes.lease-duration-ms"));
        s.setRenewDeadlineMillis(settings.longNumber("cluster.kubernetes.renew-deadline-ms"));
        s.setRetryPeriodMillis(settings.longNumber("cluster.kubernetes.retry-period-ms"));
        return s;
    }

    /** What the log says of the service: where the lock is and how long a dead leader keeps it. */
    private static String describe(String kind, Settings settings, Path workDir) {
        if (kind.equals("file")) {
            long interval = settings.longNumber("cluster.file.acquire-lock-interval-ms");
            return "file lock in " + root(settings, workDir) + "; a leader that stops is followed within about "
                    + interval + " ms, one that dies (kill -9, host down) once its heartbeat is "
                    + interval * settings.integer("cluster.file.heartbeat-timeout-multiplier") + " ms old";
        }
        return "Kubernetes Lease; a leader that dies loses it after "
                + settings.longNumber("cluster.kubernetes.lease-duration-ms") + " ms";
    }

    /**
     * The pod's own name: {@code cluster.kubernetes.pod-name}, or HOSTNAME, which Kubernetes sets to it. The Lease is
     * granted only to a pod of the namespace's pod list.
     */
    private static String podName(Settings settings) {
        return settings.optionalText("cluster.kubernetes.pod-name")
                .or(() -> java.util.Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()))
                .orElseThrow(() -> new ConfigurationException("cluster.service=kubernetes needs the pod's name:"
                        + " set cluster.kubernetes.pod-name (the example sets it from metadata.name) or HOSTNAME"));
    }

    /** The host name and the process id: what tells two instances apart in logs and health. */
    private static String defaultId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "instance";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
