package org.bestplace.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests hold what production relies on: enough copies, probes on the health
 * endpoints, bounded resources, no root, no secret in plain text, a three-node Galera cluster
 * behind MaxScale, and a disruption budget and an autoscaler on the service's Deployment.
 */
class ManifestTest {

    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|KEY|TOKEN|CREDENTIAL).*");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

    final Manifests manifests = Manifests.read();
    final JsonNode deployment = manifests.named("Deployment", "bestplace");
    final JsonNode pod = deployment.path("spec").path("template").path("spec");

    @Test
    void theServiceRunsAtLeastTwoCopies() {
        assertFalse(deployment.isMissingNode(), "no Deployment named bestplace");
        assertTrue(deployment.path("spec").path("replicas").asInt(0) >= 2, "replicas below 2");
    }

    @Test
    void probesUseTheHealthEndpointsOnTheServicePort() {
        for (JsonNode container : containers()) {
            String name = container.path("name").asText();
            assertEquals("/q/health/ready", probePath(container, "readinessProbe"), name + " readiness");
            assertEquals("/q/health/live", probePath(container, "livenessProbe"), name + " liveness");
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                JsonNode port = container.path(probe).path("httpGet").path("port");
                assertEquals(8080, containerPort(container, port), name + " " + probe + " port");
            }
        }
    }

    @Test
    void everyContainerHasRequestsAndLimits() {
        for (JsonNode container : containers()) {
            JsonNode resources = container.path("resources");
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertTrue(resources.path(bound).hasNonNull(resource),
                            container.path("name").asText() + " has no " + bound + "." + resource);
                }
            }
        }
    }

    @Test
    void nothingRunsAsRootAndTheRootFileSystemIsReadOnly() {
        for (JsonNode container : containers()) {
            String name = container.path("name").asText();
            JsonNode security = container.path("securityContext");
            boolean nonRoot = security.has("runAsNonRoot") ? security.path("runAsNonRoot").asBoolean()
                    : pod.path("securityContext").path("runAsNonRoot").asBoolean(false);
            assertTrue(nonRoot, name + " may run as root");
            int user = security.has("runAsUser") ? security.path("runAsUser").asInt()
                    : pod.path("securityContext").path("runAsUser").asInt(0);
            assertTrue(user > 0, name + " runs as uid " + user);
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(false), name + " root file system writable");
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name + " may escalate");
        }
    }

    @Test
    void secretsHoldOnlyPlaceholdersAndSecretValuesComeFromSecrets() {
        Map<String, Set<String>> secretKeys = new java.util.HashMap<>();
        for (JsonNode secret : manifests.ofKind("Secret")) {
            String name = secret.path("metadata").path("name").asText();
            assertFalse(secret.has("data"), "Secret " + name + " has literal (base64) data");
            Set<String> keys = new java.util.HashSet<>();
            secret.path("stringData").fields().forEachRemaining(entry -> {
                assertTrue(PLACEHOLDER.matcher(entry.getValue().asText()).matches(),
                        "Secret " + name + " key " + entry.getKey() + " holds a value, not a placeholder");
                keys.add(entry.getKey());
            });
            secretKeys.put(name, keys);
        }
        for (JsonNode container : containers()) {
            for (JsonNode env : container.path("env")) {
                String variable = env.path("name").asText();
                if (!SECRET_NAME.matcher(variable).matches()) {
                    continue;
                }
                assertFalse(env.has("value"), variable + " is written in plain text");
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                assertFalse(ref.isMissingNode(), variable + " does not come from a Secret");
                String secret = ref.path("name").asText();
                assertTrue(secretKeys.getOrDefault(secret, Set.of()).contains(ref.path("key").asText()),
                        variable + " names " + secret + "/" + ref.path("key").asText() + ", which no Secret template has");
            }
        }
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> assertFalse(SECRET_NAME.matcher(key).matches(),
                    "ConfigMap " + configMap.path("metadata").path("name").asText() + " holds " + key));
        }
        List<String> required = List.of("QUARKUS_DATASOURCE_PASSWORD", "BESTPLACE_ADMIN_PASSWORD",
                "BESTPLACE_PSEUDONYMISATION_KEY", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        List<String> fromSecrets = new ArrayList<>();
        containers().forEach(c -> c.path("env").forEach(env -> {
            if (env.path("valueFrom").has("secretKeyRef")) {
                fromSecrets.add(env.path("name").asText());
            }
        }));
        assertTrue(fromSecrets.containsAll(required), "secrets from Secrets: " + fromSecrets);
    }

    @Test
    void theDatabaseIsAThreeNodeGaleraClusterBehindMaxScale() {
        JsonNode mariadb = manifests.one("MariaDB");
        assertTrue(mariadb.path("spec").path("galera").path("enabled").asBoolean(false), "Galera not enabled");
        assertEquals(3, mariadb.path("spec").path("replicas").asInt(), "Galera nodes");
        assertTrue(mariadb.path("apiVersion").asText().startsWith("k8s.mariadb.com/"), "not the operator's resource");
        JsonNode maxscale = manifests.one("MaxScale");
        String database = mariadb.path("metadata").path("name").asText();
        assertEquals(database, maxscale.path("spec").path("mariaDbRef").path("name").asText(), "MaxScale's MariaDB");
        String maxscaleName = maxscale.path("metadata").path("name").asText();
        String jdbcUrl = manifests.named("ConfigMap", "bestplace").path("data").path("QUARKUS_DATASOURCE_JDBC_URL")
                .asText();
        assertTrue(jdbcUrl.startsWith("jdbc:mariadb://" + maxscaleName + "."), "the service does not connect"
                + " through MaxScale: " + jdbcUrl);
        int listener = maxscale.path("spec").path("services").get(0).path("listener").path("port").asInt();
        assertTrue(jdbcUrl.contains(":" + listener + "/"), jdbcUrl + " misses MaxScale's port " + listener);
    }

    @Test
    void theDisruptionBudgetAndTheAutoscalerTargetTheDeployment() {
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode pdb = manifests.one("PodDisruptionBudget");
        pdb.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(entry -> assertEquals(
                entry.getValue().asText(), labels.path(entry.getKey()).asText(), "PDB selects other pods"));
        assertFalse(pdb.path("spec").path("selector").path("matchLabels").isEmpty(), "PDB selects nothing");
        JsonNode target = manifests.one("HorizontalPodAutoscaler").path("spec");
        assertEquals("Deployment", target.path("scaleTargetRef").path("kind").asText());
        assertEquals(deployment.path("metadata").path("name").asText(), target.path("scaleTargetRef").path("name").asText());
        assertTrue(target.path("minReplicas").asInt() >= 2, "the autoscaler may go below two copies");
    }

    @Test
    void theIngressServesTlsAndOnlyTheServicePort() {
        JsonNode ingress = manifests.one("Ingress").path("spec");
        assertTrue(ingress.path("tls").size() > 0 && ingress.path("tls").get(0).hasNonNull("secretName"), "no TLS");
        JsonNode service = manifests.named("Service", "bestplace");
        ingress.path("rules").forEach(rule -> rule.path("http").path("paths").forEach(path -> {
            JsonNode port = path.path("backend").path("service").path("port");
            int number = port.has("number") ? port.path("number").asInt() : servicePort(service, port.path("name").asText());
            assertEquals(8080, number, "the Ingress routes to a port other than the service port");
        }));
    }

    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        pod.path("containers").forEach(containers::add);
        assertFalse(containers.isEmpty(), "the Deployment has no container");
        return containers;
    }

    static String probePath(JsonNode container, String probe) {
        return container.path(probe).path("httpGet").path("path").asText(null);
    }

    static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (port.asText().equals(declared.path("name").asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return -1;
    }

    static int servicePort(JsonNode service, String name) {
        for (JsonNode port : service.path("spec").path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("port").asInt();
            }
        }
        return -1;
    }
}
