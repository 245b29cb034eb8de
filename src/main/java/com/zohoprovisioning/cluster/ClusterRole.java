package com.zohoprovisioning.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * This instance's role in its namespace, {@code leader} or {@code standby}: logged when it changes (and why), shown
 * by the readiness check {@code cluster} (UP in both roles: a standby is ready to take over) and, through
 * {@link #onChange}, as a metric.
 */
public final class ClusterRole extends AbstractHealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRole.class);

    private final CamelClusterService service;
    private final String namespace;
    private final String how;
    private final AtomicBoolean leader = new AtomicBoolean();
    private volatile BiConsumer<String, Boolean> onChange = (ns, isLeader) -> { };
    private volatile CamelClusterView view;

    ClusterRole(CamelContext context, CamelClusterService service, String namespace, String how) {
        super("zoho-provisioning", "cluster");
        this.service = service;
        this.namespace = namespace;
        this.how = how;
        try {
            context.addStartupListener((ctx, alreadyStarted) -> watch());
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch the cluster role: " + e.getMessage(), e);
        }
    }

    /** Called with (namespace, leader) at start and on every change: the metric. */
    public void onChange(BiConsumer<String, Boolean> listener) {
        this.onChange = listener;
        listener.accept(namespace, leader.get());
    }

    public boolean leader() {
        return leader.get();
    }

    private synchronized void watch() throws Exception {
        if (view != null) {
            return; // Camel Main calls the startup listeners more than once
        }
        view = service.getView(namespace);
        view.addEventListener((CamelClusterEventListener.Leadership) (v, current) -> changed(v.getLocalMember().isLeader()));
        LOG.info("Cluster: instance {} starts as standby of {} ({}); it takes the files once it holds the lock",
                service.getId(), namespace, how);
        changed(view.getLocalMember().isLeader());
    }

    private void changed(boolean nowLeader) {
        if (leader.getAndSet(nowLeader) == nowLeader) {
            return;
        }
        if (nowLeader) {
            LOG.info("Cluster: instance {} is now the LEADER of {}: the lock was free (no leader yet, or the last one"
                    + " stopped or missed its heartbeat); it takes the inboxes, SFTP sources, downloads and uploads, and"
                    + " resumes any file left in an inbox from its journal", service.getId(), namespace);
        } else {
            LOG.warn("Cluster: instance {} is no longer the leader of {}: it stops taking files and stands by",
                    service.getId(), namespace);
        }
        onChange.accept(namespace, nowLeader);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String role = leader.get() ? "leader" : "standby";
        builder.message(role + " of " + namespace + " (instance " + service.getId() + ")").detail("namespace", namespace)
                .detail("role", role).detail("instance", service.getId()).up();
    }
}
