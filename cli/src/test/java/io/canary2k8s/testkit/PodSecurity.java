package io.canary2k8s.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks built manifests against what a security reviewer signs off: the Pod Security Standard
 * {@code restricted} profile (no privileged container, no host namespaces, no host ports, all
 * capabilities dropped with only {@code NET_BIND_SERVICE} added back where a port below 1024 is
 * bound, non-root, no privilege escalation, seccomp {@code RuntimeDefault}, restricted volume
 * types), plus a read-only root file system, CPU and memory requests and a memory limit on every
 * container, {@code restricted} enforced on every namespace, and a PodDisruptionBudget covering the
 * edge and every stable track.
 *
 * <p>The one exception it accepts is the edge's host network when asked for: then the workload must
 * say {@code dnsPolicy: ClusterFirstWithHostNet} and its namespace must enforce {@code privileged}
 * while warning and auditing {@code restricted}.
 */
public final class PodSecurity {
  static final String ENFORCE = "pod-security.kubernetes.io/enforce";
  static final String WARN = "pod-security.kubernetes.io/warn";
  static final String AUDIT = "pod-security.kubernetes.io/audit";
  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "Job", "CronJob", "Pod");
  private static final Set<String> VOLUMES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret");

  private PodSecurity() {}

  /**
   * @param hostNetworkNamespace the namespace whose workloads may use the host network (the edge's,
   *     under {@code --edge-host-network}), or null when none may
   * @return one line per violation; empty when the manifests pass
   */
  public static List<String> violations(List<JsonNode> docs, String hostNetworkNamespace) {
    List<String> out = new ArrayList<>();
    Map<String, JsonNode> namespaces = new TreeMap<>();
    for (JsonNode d : docs) {
      if (d.path("kind").asText().equals("Namespace")) {
        namespaces.put(d.at("/metadata/name").asText(), d);
      }
    }
    namespaces.forEach(
        (name, ns) -> {
          JsonNode labels = ns.at("/metadata/labels");
          boolean privileged = name.equals(hostNetworkNamespace);
          String enforce = labels.path(ENFORCE).asText("");
          if (privileged) {
            expect(out, "Namespace/" + name, ENFORCE, enforce, "privileged");
            expect(out, "Namespace/" + name, AUDIT, labels.path(AUDIT).asText(""), "restricted");
          } else {
            expect(out, "Namespace/" + name, ENFORCE, enforce, "restricted");
          }
          expect(out, "Namespace/" + name, WARN, labels.path(WARN).asText(""), "restricted");
        });
    for (JsonNode d : docs) {
      String kind = d.path("kind").asText();
      if (!WORKLOADS.contains(kind)) {
        continue;
      }
      String ns = d.at("/metadata/namespace").asText();
      String id = kind + "/" + ns + "/" + d.at("/metadata/name").asText();
      JsonNode pod =
          kind.equals("Pod")
              ? d.path("spec")
              : kind.equals("CronJob")
                  ? d.at("/spec/jobTemplate/spec/template/spec")
                  : d.at("/spec/template/spec");
      if (!namespaces.containsKey(ns)) {
        out.add(id + ": its namespace " + ns + " is not in the bundle (no Pod Security labels)");
      }
      checkPod(out, id, pod, ns.equals(hostNetworkNamespace));
      if (kind.equals("DaemonSet")
          || "stable".equals(d.at("/metadata/labels").path("canary2k8s.io/role").asText())) {
        if (!coveredByPdb(
            docs,
            ns,
            kind.equals("Pod")
                ? d.at("/metadata/labels")
                : d.at("/spec/template/metadata/labels"))) {
          out.add(id + ": no PodDisruptionBudget selects its pods");
        }
      }
    }
    return out;
  }

  private static void expect(List<String> out, String id, String what, String got, String want) {
    if (!got.equals(want)) {
      out.add(id + ": " + what + " is '" + got + "', expected '" + want + "'");
    }
  }

  private static void checkPod(
      List<String> out, String id, JsonNode pod, boolean hostNetworkAllowed) {
    if (pod.path("hostNetwork").asBoolean(false)) {
      if (!hostNetworkAllowed) {
        out.add(id + ": hostNetwork");
      } else if (!pod.path("dnsPolicy").asText().equals("ClusterFirstWithHostNet")) {
        out.add(id + ": hostNetwork without dnsPolicy ClusterFirstWithHostNet");
      }
    }
    for (String host : List.of("hostPID", "hostIPC")) {
      if (pod.path(host).asBoolean(false)) {
        out.add(id + ": " + host);
      }
    }
    for (JsonNode v : pod.path("volumes")) {
      Set<String> types = new HashSet<>();
      v.fieldNames().forEachRemaining(types::add);
      types.remove("name");
      if (!VOLUMES.containsAll(types)) {
        out.add(
            id
                + ": volume "
                + v.path("name").asText()
                + " of type "
                + types
                + " is not allowed by restricted");
      }
    }
    JsonNode psc = pod.path("securityContext");
    checkRunAs(out, id, psc, "pod");
    List<JsonNode> containers = new ArrayList<>();
    pod.path("initContainers").forEach(containers::add);
    pod.path("containers").forEach(containers::add);
    if (containers.isEmpty()) {
      out.add(id + ": no containers");
    }
    for (JsonNode c : containers) {
      String cid = id + " container " + c.path("name").asText();
      JsonNode sc = c.path("securityContext");
      checkRunAs(out, cid, sc, "container");
      if (sc.path("privileged").asBoolean(false)) {
        out.add(cid + ": privileged");
      }
      if (!sc.path("allowPrivilegeEscalation").isBoolean()
          || sc.path("allowPrivilegeEscalation").asBoolean()) {
        out.add(cid + ": allowPrivilegeEscalation is not false");
      }
      if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
        out.add(cid + ": readOnlyRootFilesystem is not true");
      }
      boolean runAsNonRoot =
          sc.path("runAsNonRoot").asBoolean(psc.path("runAsNonRoot").asBoolean(false));
      if (!runAsNonRoot) {
        out.add(cid + ": runAsNonRoot is not true (pod or container)");
      }
      String seccomp =
          sc.at("/seccompProfile/type").asText(psc.at("/seccompProfile/type").asText(""));
      if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
        out.add(
            cid
                + ": seccompProfile is '"
                + seccomp
                + "', expected RuntimeDefault (pod or container)");
      }
      Set<String> drop = new HashSet<>();
      sc.at("/capabilities/drop").forEach(x -> drop.add(x.asText()));
      if (!drop.contains("ALL")) {
        out.add(cid + ": capabilities do not drop ALL");
      }
      boolean lowPort = false;
      for (JsonNode p : c.path("ports")) {
        if (p.path("containerPort").asInt() < 1024) {
          lowPort = true;
        }
        if (p.has("hostPort") && p.path("hostPort").asInt() != 0) {
          out.add(cid + ": hostPort " + p.path("hostPort").asInt());
        }
      }
      for (Iterator<JsonNode> it = sc.at("/capabilities/add").elements(); it.hasNext(); ) {
        String cap = it.next().asText();
        if (!cap.equals("NET_BIND_SERVICE")) {
          out.add(cid + ": adds capability " + cap);
        } else if (!lowPort) {
          out.add(cid + ": adds NET_BIND_SERVICE but binds no port below 1024");
        }
      }
      JsonNode res = c.path("resources");
      for (String r : List.of("cpu", "memory")) {
        if (res.at("/requests/" + r).isMissingNode()) {
          out.add(cid + ": no " + r + " request");
        }
      }
      if (res.at("/limits/memory").isMissingNode()) {
        out.add(cid + ": no memory limit");
      }
    }
  }

  private static void checkRunAs(List<String> out, String id, JsonNode sc, String level) {
    if (sc.has("runAsUser") && sc.path("runAsUser").asLong() == 0) {
      out.add(id + ": runAsUser 0 (" + level + ")");
    }
    if (sc.has("runAsNonRoot") && !sc.path("runAsNonRoot").asBoolean()) {
      out.add(id + ": runAsNonRoot false (" + level + ")");
    }
    String seccomp = sc.at("/seccompProfile/type").asText("");
    if (seccomp.equals("Unconfined")) {
      out.add(id + ": seccompProfile Unconfined (" + level + ")");
    }
  }

  /** A PDB in the namespace whose matchLabels all appear in the pod labels. */
  private static boolean coveredByPdb(List<JsonNode> docs, String ns, JsonNode podLabels) {
    for (JsonNode d : docs) {
      if (!d.path("kind").asText().equals("PodDisruptionBudget")
          || !ns.equals(d.at("/metadata/namespace").asText())) {
        continue;
      }
      JsonNode match = d.at("/spec/selector/matchLabels");
      if (match.isMissingNode() || match.isEmpty()) {
        continue;
      }
      boolean all = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = match.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null))) {
          all = false;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
