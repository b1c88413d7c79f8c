package io.canary2k8s.emit;

import io.canary2k8s.plan.Edge;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The edge Traefik, all in one namespace: ServiceAccount, ClusterRole and binding (subject in the
 * same namespace), the static configuration in a ConfigMap, a DaemonSet on the edge nodes running
 * as non-root on unprivileged ports, and a NodePort Service (externalTrafficPolicy Local) that the
 * edge load balancer targets. No privileged container, no host network, no host ports.
 */
public final class EdgeEmitter {
  public static final String NAME = "traefik";
  public static final int WEB_PORT = 8000;
  public static final int WEBSECURE_PORT = 8443;
  public static final int PING_PORT = 9000;

  private EdgeEmitter() {}

  static Map<String, String> labels() {
    Map<String, String> m = new TreeMap<>();
    m.put(Labels.NAME, NAME);
    m.put(Labels.COMPONENT, "edge");
    m.put(Labels.MANAGED_BY, Labels.TOOL);
    return m;
  }

  static Map<String, String> selector() {
    return Map.of(Labels.NAME, NAME, Labels.COMPONENT, "edge");
  }

  public static List<HasMetadata> emit(Edge edge, RouteEmitter target) {
    String ns = edge.namespace();
    List<HasMetadata> out = new ArrayList<>();
    out.add(
        new NamespaceBuilder()
            .withNewMetadata()
            .withName(ns)
            .withLabels(
                edge.hostNetwork()
                    ? WorkloadEmitter.withPrivilegedPodSecurity(labels())
                    : WorkloadEmitter.withPodSecurity(labels()))
            .endMetadata()
            .build());
    out.add(
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(ns)
            .withLabels(labels())
            .endMetadata()
            .build());
    String roleName = ns.equals(NAME) ? NAME : NAME + "-" + ns;
    out.add(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(roleName)
            .withLabels(labels())
            .endMetadata()
            .withRules(target.clusterRoleRules())
            .build());
    out.add(
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(roleName)
            .withLabels(labels())
            .endMetadata()
            .withNewRoleRef()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("ClusterRole")
            .withName(roleName)
            .endRoleRef()
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(NAME)
            .withNamespace(ns)
            .endSubject()
            .build());
    out.add(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(ns)
            .withLabels(labels())
            .endMetadata()
            .withData(Map.of(target.staticConfigFile(), target.staticConfig(edge)))
            .build());
    out.add(daemonSet(edge, target));
    var svc =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(ns)
            .withLabels(labels())
            .endMetadata()
            .withNewSpec()
            .withType("NodePort")
            .withExternalTrafficPolicy("Local")
            .withSelector(selector())
            .addNewPort()
            .withName("web")
            .withPort(80)
            .withTargetPort(new IntOrString("web"))
            .withNodePort(edge.webNodePort())
            .withProtocol("TCP")
            .endPort()
            .endSpec();
    if (edge.https()) {
      svc.editSpec()
          .addNewPort()
          .withName("websecure")
          .withPort(443)
          .withTargetPort(new IntOrString("websecure"))
          .withNodePort(edge.websecureNodePort())
          .withProtocol("TCP")
          .endPort()
          .endSpec();
    }
    for (Edge.TcpEntryPoint e : tcpEntryPoints(edge, target)) {
      // the listener's own port, as clients used it on AWS; a node port of 0 is Kubernetes's pick
      svc.editSpec()
          .addNewPort()
          .withName(e.name())
          .withPort(e.port())
          .withTargetPort(new IntOrString(e.name()))
          .withNodePort(e.nodePort() == 0 ? null : e.nodePort())
          .withProtocol("TCP")
          .endPort()
          .endSpec();
    }
    out.add(svc.build());
    out.add(
        new PodDisruptionBudgetBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(ns)
            .withLabels(labels())
            .endMetadata()
            .withNewSpec()
            .withMaxUnavailable(new IntOrString(1))
            .withNewSelector()
            .withMatchLabels(selector())
            .endSelector()
            .endSpec()
            .build());
    out.addAll(target.extraEdgeObjects(edge));
    return out;
  }

  /** The entry points of TCP routes the edge listens on: none for a dialect without TCP routes. */
  static List<Edge.TcpEntryPoint> tcpEntryPoints(Edge edge, RouteEmitter target) {
    return target.servesTcp() ? edge.tcpEntryPoints() : List.of();
  }

  private static HasMetadata daemonSet(Edge edge, RouteEmitter target) {
    var c =
        new ContainerBuilder()
            .withName(NAME)
            .withImage(edge.image())
            .withImagePullPolicy("IfNotPresent")
            .withArgs("--configFile=/etc/traefik/" + target.staticConfigFile())
            .addNewPort()
            .withName("web")
            .withContainerPort(WEB_PORT)
            .withProtocol("TCP")
            .endPort();
    if (edge.https()) {
      c.addNewPort()
          .withName("websecure")
          .withContainerPort(WEBSECURE_PORT)
          .withProtocol("TCP")
          .endPort();
    }
    for (Edge.TcpEntryPoint e : tcpEntryPoints(edge, target)) {
      c.addNewPort()
          .withName(e.name())
          .withContainerPort(e.containerPort())
          .withProtocol("TCP")
          .endPort();
    }
    c.addNewPort().withName("ping").withContainerPort(PING_PORT).withProtocol("TCP").endPort();
    var ping =
        new ProbeBuilder()
            .withNewHttpGet()
            .withPath("/ping")
            .withPort(new IntOrString("ping"))
            .endHttpGet()
            .withPeriodSeconds(10)
            .withFailureThreshold(3)
            .withTimeoutSeconds(2);
    c.withReadinessProbe(ping.build())
        .withLivenessProbe(ping.build())
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")))
        .withLimits(Map.of("memory", new Quantity("256Mi")))
        .endResources()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withRunAsUser(65532L)
        .withRunAsGroup(65532L)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/traefik")
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount();
    return new DaemonSetBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withNamespace(edge.namespace())
        .withLabels(labels())
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(selector())
        .endSelector()
        .withNewUpdateStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxUnavailable(new IntOrString(1))
        .endRollingUpdate()
        .endUpdateStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels())
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(NAME)
        .withHostNetwork(edge.hostNetwork() ? true : null)
        .withDnsPolicy(edge.hostNetwork() ? "ClusterFirstWithHostNet" : null)
        .withTerminationGracePeriodSeconds(60L)
        .withNodeSelector(Map.of(edge.nodeLabelKey(), edge.nodeLabelValue()))
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(c.build())
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName(NAME)
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
