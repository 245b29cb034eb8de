package com.zohoprovisioning;

import com.zohoprovisioning.config.UnknownSettings;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the Kubernetes example (docs/examples/kubernetes.yaml) parses, has what two replicas on one work folder
 * need (RBAC for leases, an RWX volume, 2 replicas, readiness), and its settings are ones the application knows.
 */
class KubernetesExampleTest {

    @Test
    void theKubernetesExampleParsesAndItsSettingsAreKnown() throws Exception {
        String text = Files.readString(Path.of("docs/examples/kubernetes.yaml"));
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) doc;
            byKind.put((String) m.get("kind"), m);
        }
        assertThat(byKind).containsKeys("ServiceAccount", "Role", "RoleBinding", "PersistentVolumeClaim", "ConfigMap",
                "Deployment");
        assertThat(byKind.get("Role").toString()).contains("coordination.k8s.io").contains("leases");
        assertThat(byKind.get("PersistentVolumeClaim").toString()).contains("ReadWriteMany");
        assertThat(byKind.get("Deployment").toString()).contains("replicas=2").contains("/observe/health/ready")
                // Camel grants the Lease only to a pod of the namespace's list, by the pod's own name
                .contains("name=CLUSTER_KUBERNETES_POD_NAME, valueFrom={fieldRef={fieldPath=metadata.name}}");

        @SuppressWarnings("unchecked")
        String props = ((Map<String, String>) byKind.get("ConfigMap").get("data")).get("production.properties");
        Properties p = new Properties();
        p.load(new StringReader(props));
        assertThat(p).containsEntry("cluster.enabled", "true").containsEntry("cluster.service", "kubernetes");
        Map<String, String> given = new HashMap<>();
        p.stringPropertyNames().forEach(k -> given.put(k, "docs/examples/kubernetes.yaml"));
        List<String> problems = new ArrayList<>(UnknownSettings.of(List.of("bigin-users", "crm-users",
                "crm-user-groups", "mail-users"), List.of("bigin", "crm", "mail")).problems(given));
        assertThat(problems).isEmpty();
    }
}
