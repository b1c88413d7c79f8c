package io.canary2k8s.emit;

import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Role;
import io.canary2k8s.plan.Track;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per app: its Namespace; per track a Deployment and a Service; an HPA and a PodDisruptionBudget
 * (at most one pod down) for the stable track, whatever its replicas today: the HPA may scale it.
 */
public final class WorkloadEmitter {
  private WorkloadEmitter() {}

  public static List<HasMetadata> emit(App app) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(
        new NamespaceBuilder()
            .withNewMetadata()
            .withName(app.namespace())
            .withLabels(withPodSecurity(Labels.app(app)))
            .endMetadata()
            .build());
    for (Track t : app.tracks()) {
      out.add(deployment(app, t));
      out.add(service(app, t));
      if (t.scaling() != null) {
        out.add(hpa(app, t));
      }
      if (t.role() == Role.STABLE) {
        out.add(pdb(app, t));
      }
    }
    return out;
  }

  /** Pod Security Standards: enforce restricted in every namespace we create. */
  static Map<String, String> withPodSecurity(Map<String, String> labels) {
    Map<String, String> m = new TreeMap<>(labels);
    m.put("pod-security.kubernetes.io/enforce", "restricted");
    m.put("pod-security.kubernetes.io/warn", "restricted");
    return m;
  }

  /**
   * The one exception, for {@code --edge-host-network}: host namespaces are forbidden by both
   * restricted and baseline, so enforce privileged; warn and audit stay restricted so every
   * other deviation still shows.
   */
  static Map<String, String> withPrivilegedPodSecurity(Map<String, String> labels) {
    Map<String, String> m = new TreeMap<>(labels);
    m.put("pod-security.kubernetes.io/enforce", "privileged");
    m.put("pod-security.kubernetes.io/audit", "restricted");
    m.put("pod-security.kubernetes.io/warn", "restricted");
    return m;
  }

  private static HasMetadata deployment(App app, Track t) {
    var container =
        new ContainerBuilder()
            .withName("app")
            .withImage(t.image().reference())
            .withImagePullPolicy("IfNotPresent")
            .withResources(
                new ResourceRequirementsBuilder()
                    .withRequests(quantities(t.resources().requests()))
                    .withLimits(quantities(t.resources().limits()))
                    .build())
            .withNewSecurityContext()
            .withAllowPrivilegeEscalation(false)
            .withReadOnlyRootFilesystem(true)
            .withRunAsNonRoot(true)
            .withNewCapabilities()
            .withDrop("ALL")
            // a non-root process binds a port below 1024 only with this one capability, the
            // only one Pod Security Standard restricted lets a container add
            .withAdd(t.ports().stream().anyMatch(p -> p.port() < 1024) ? List.of("NET_BIND_SERVICE") : null)
            .endCapabilities()
            .endSecurityContext()
            .addNewVolumeMount()
            .withName("tmp")
            .withMountPath("/tmp")
            .endVolumeMount();
    for (Track.Port p : t.ports()) {
      container.addToPorts(
          new ContainerPortBuilder().withName(p.name()).withContainerPort(p.port()).withProtocol("TCP").build());
    }
    if (t.probe() != null) {
      container.withReadinessProbe(probe(t.probe()));
    }
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(t.name())
        .withNamespace(app.namespace())
        .withLabels(Labels.track(app, t))
        .withAnnotations(Labels.source("autoscaling-group/" + t.autoScalingGroup()))
        .endMetadata()
        .withNewSpec()
        .withReplicas(t.replicas())
        .withNewSelector()
        .withMatchLabels(Labels.selector(app, t))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.track(app, t))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withTerminationGracePeriodSeconds(
            t.terminationGracePeriodSeconds() == null ? null : t.terminationGracePeriodSeconds().longValue())
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container.build())
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

  static Map<String, Quantity> quantities(Map<String, String> in) {
    Map<String, Quantity> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, new Quantity(v)));
    return out;
  }

  private static Probe probe(Track.Probe p) {
    ProbeBuilder b =
        new ProbeBuilder()
            .withPeriodSeconds(p.periodSeconds())
            .withTimeoutSeconds(p.timeoutSeconds())
            .withSuccessThreshold(p.successThreshold())
            .withFailureThreshold(p.failureThreshold());
    if (p.scheme().equals("TCP")) {
      b.withNewTcpSocket().withPort(new IntOrString(p.port())).endTcpSocket();
    } else {
      b.withNewHttpGet()
          .withPath(p.path())
          .withPort(new IntOrString(p.port()))
          .withScheme(p.scheme())
          .endHttpGet();
    }
    return b.build();
  }

  private static HasMetadata service(App app, Track t) {
    ServiceBuilder b =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(t.name())
            .withNamespace(app.namespace())
            .withLabels(Labels.track(app, t))
            .withAnnotations(Labels.source("autoscaling-group/" + t.autoScalingGroup()))
            .endMetadata()
            .withNewSpec()
            .withType("ClusterIP")
            .withSelector(Labels.selector(app, t))
            .endSpec();
    for (Track.Port p : t.ports()) {
      b.editSpec()
          .addToPorts(
              new ServicePortBuilder()
                  .withName(p.name())
                  .withPort(p.port())
                  .withTargetPort(new IntOrString(p.name()))
                  .withProtocol("TCP")
                  .build())
          .endSpec();
    }
    return b.build();
  }

  private static HasMetadata hpa(App app, Track t) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(t.name())
        .withNamespace(app.namespace())
        .withLabels(Labels.track(app, t))
        .withAnnotations(Labels.source("autoscaling-group/" + t.autoScalingGroup()))
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(t.name())
        .endScaleTargetRef()
        .withMinReplicas(t.scaling().min())
        .withMaxReplicas(t.scaling().max())
        .addNewMetric()
        .withType("Resource")
        .withNewResource()
        .withName("cpu")
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(t.scaling().cpuUtilization())
        .endTarget()
        .endResource()
        .endMetric()
        .endSpec()
        .build();
  }

  private static HasMetadata pdb(App app, Track t) {
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName(t.name())
        .withNamespace(app.namespace())
        .withLabels(Labels.track(app, t))
        .withAnnotations(Labels.source("autoscaling-group/" + t.autoScalingGroup()))
        .endMetadata()
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(Labels.selector(app, t))
        .endSelector()
        .endSpec()
        .build();
  }
}
