package com.zohoprovisioning.cluster;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18: the cluster service is chosen by setting; off, the routes' consumers are plain; --once refuses it. */
class ClusterSetupTest {

    private static Map<String, String> settings(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("cluster.enabled", "true", "cluster.service", "file",
                "cluster.namespace", "zoho-provisioning", "cluster.file.acquire-lock-interval-ms", "2000",
                "cluster.file.heartbeat-timeout-multiplier", "5", "cluster.kubernetes.lease-duration-ms", "15000",
                "cluster.kubernetes.renew-deadline-ms", "10000", "cluster.kubernetes.retry-period-ms", "2000"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void offMeansPlainConsumers() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(ClusterSetup.configure(context, Settings.of(settings("cluster.enabled", "false")), Path.of("w")))
                    .isNull();
            assertThat(context.resolvePropertyPlaceholders("{{" + ClusterSetup.LEADER_ONLY + "}}file:x")).isEqualTo("file:x");
        }
    }

    @Test
    void theKubernetesLeaseServiceIsChosenBySetting() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(ClusterSetup.configure(context, Settings.of(settings("cluster.service", "kubernetes",
                    "cluster.kubernetes.pod-name", "zoho-provisioning-7d9f-x2k4")), Path.of("w"))).isNotNull();
            KubernetesClusterService service = context.hasService(KubernetesClusterService.class);
            assertThat(service).isNotNull();
            // the Lease goes only to a pod of the namespace's list: the pod's own name, also the default id
            assertThat(service.getPodName()).isEqualTo("zoho-provisioning-7d9f-x2k4");
            assertThat(service.getId()).isEqualTo("zoho-provisioning-7d9f-x2k4");
            assertThat(context.resolvePropertyPlaceholders("{{" + ClusterSetup.LEADER_ONLY + "}}file:x"))
                    .isEqualTo("master:zoho-provisioning:file:x");
        }
    }

    @Test
    void onceAndAnUnknownServiceAreRefused() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> ClusterSetup.configure(context, Settings.of(settings("provisioning.once", "true")),
                    Path.of("w"))).isInstanceOf(ConfigurationException.class).hasMessageContaining("--once");
            assertThatThrownBy(() -> ClusterSetup.configure(context, Settings.of(settings("cluster.service", "zookeeper")),
                    Path.of("w"))).isInstanceOf(ConfigurationException.class).hasMessageContaining("use file or kubernetes");
        }
    }
}
