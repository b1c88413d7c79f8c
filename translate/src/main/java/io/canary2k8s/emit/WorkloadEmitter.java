package io.canary2k8s.emit;

import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Role;
import io.canary2k8s.plan.Track;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per app: its Namespace; per track a Deployment and a Service; an HPA and a PodDisruptionBudget
 * (at most one pod down) for the stable track, whatever its replicas today: the HPA may scale it. A
 * Deployment an HPA targets has no {@code spec.replicas}: the HPA owns the count (kubectl apply
 * would otherwise set it back at every apply of base or an overlay); the first apply creates it
 * with one pod and the HPA raises it to its {@code minReplicas} at its next sync.
 *
 * <p>The objects are put together with the model's constructors and setters, not fabric8's fluent
 * builders: each nested builder copies the whole instance it wraps, at every level, for every
 * object of every app. The allocation per operation of {@code StagesBench.translate} guards it; the
 * goldens hold the objects to what the builders made.
 */
public final class WorkloadEmitter {
  private WorkloadEmitter() {}

  public static List<HasMetadata> emit(App app) {
    List<HasMetadata> out = new ArrayList<>();
    Namespace ns = new Namespace();
    ns.setMetadata(Labels.meta(app.namespace(), null, withPodSecurity(Labels.app(app)), null));
    out.add(ns);
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
   * restricted and baseline, so enforce privileged; warn and audit stay restricted so every other
   * deviation still shows.
   */
  static Map<String, String> withPrivilegedPodSecurity(Map<String, String> labels) {
    Map<String, String> m = new TreeMap<>(labels);
    m.put("pod-security.kubernetes.io/enforce", "privileged");
    m.put("pod-security.kubernetes.io/audit", "restricted");
    m.put("pod-security.kubernetes.io/warn", "restricted");
    return m;
  }

  private static HasMetadata deployment(App app, Track t) {
    Container c = new Container();
    c.setName("app");
    c.setImage(t.image().reference());
    c.setImagePullPolicy("IfNotPresent");
    ResourceRequirements resources = new ResourceRequirements();
    resources.setRequests(quantities(t.resources().requests()));
    resources.setLimits(quantities(t.resources().limits()));
    c.setResources(resources);
    Capabilities capabilities = new Capabilities();
    capabilities.setDrop(List.of("ALL"));
    if (t.ports().stream().anyMatch(p -> p.port() < 1024)) {
      // a non-root process binds a port below 1024 only with this one capability, the only one
      // Pod Security Standard restricted lets a container add
      capabilities.setAdd(List.of("NET_BIND_SERVICE"));
    }
    SecurityContext sc = new SecurityContext();
    sc.setAllowPrivilegeEscalation(false);
    sc.setReadOnlyRootFilesystem(true);
    sc.setRunAsNonRoot(true);
    sc.setCapabilities(capabilities);
    c.setSecurityContext(sc);
    c.setVolumeMounts(List.of(volumeMount()));
    List<ContainerPort> ports = new ArrayList<>();
    for (Track.Port p : t.ports()) {
      ContainerPort cp = new ContainerPort();
      cp.setName(p.name());
      cp.setContainerPort(p.port());
      cp.setProtocol("TCP");
      ports.add(cp);
    }
    c.setPorts(ports);
    if (t.probe() != null) {
      c.setReadinessProbe(probe(t.probe()));
    }

    PodSecurityContext podSc = new PodSecurityContext();
    podSc.setRunAsNonRoot(true);
    podSc.setSeccompProfile(new SeccompProfile(null, "RuntimeDefault"));
    PodSpec pod = new PodSpec();
    pod.setAutomountServiceAccountToken(false);
    pod.setTerminationGracePeriodSeconds(
        t.terminationGracePeriodSeconds() == null
            ? null
            : t.terminationGracePeriodSeconds().longValue());
    pod.setSecurityContext(podSc);
    pod.setContainers(List.of(c));
    Volume tmp = new Volume();
    tmp.setName("tmp");
    tmp.setEmptyDir(new EmptyDirVolumeSource());
    pod.setVolumes(List.of(tmp));
    ObjectMeta podMeta = new ObjectMeta();
    podMeta.setLabels(Labels.track(app, t));
    PodTemplateSpec template = new PodTemplateSpec(podMeta, pod);

    DeploymentSpec spec = new DeploymentSpec();
    // An HPA owns its Deployment's replicas: a spec.replicas here would reset them at every apply
    if (t.scaling() == null) {
      spec.setReplicas(t.replicas());
    }
    spec.setSelector(selector(app, t));
    spec.setTemplate(template);
    Deployment d = new Deployment();
    d.setMetadata(trackMeta(app, t));
    d.setSpec(spec);
    return d;
  }

  private static VolumeMount volumeMount() {
    VolumeMount m = new VolumeMount();
    m.setName("tmp");
    m.setMountPath("/tmp");
    return m;
  }

  /**
   * A track's object: named after the track, labelled with it, sourced from its Auto Scaling group.
   */
  private static ObjectMeta trackMeta(App app, Track t) {
    return Labels.meta(
        t.name(),
        app.namespace(),
        Labels.track(app, t),
        Labels.source("autoscaling-group/" + t.autoScalingGroup()));
  }

  private static LabelSelector selector(App app, Track t) {
    LabelSelector s = new LabelSelector();
    s.setMatchLabels(Labels.selector(app, t));
    return s;
  }

  static Map<String, Quantity> quantities(Map<String, String> in) {
    Map<String, Quantity> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, new Quantity(v)));
    return out;
  }

  private static Probe probe(Track.Probe p) {
    Probe probe = new Probe();
    probe.setPeriodSeconds(p.periodSeconds());
    probe.setTimeoutSeconds(p.timeoutSeconds());
    probe.setSuccessThreshold(p.successThreshold());
    probe.setFailureThreshold(p.failureThreshold());
    if (p.scheme().equals("TCP")) {
      TCPSocketAction tcp = new TCPSocketAction();
      tcp.setPort(new IntOrString(p.port()));
      probe.setTcpSocket(tcp);
    } else {
      HTTPGetAction get = new HTTPGetAction();
      get.setPath(p.path());
      get.setPort(new IntOrString(p.port()));
      get.setScheme(p.scheme());
      probe.setHttpGet(get);
    }
    return probe;
  }

  private static HasMetadata service(App app, Track t) {
    ServiceSpec spec = new ServiceSpec();
    spec.setType("ClusterIP");
    spec.setSelector(Labels.selector(app, t));
    List<ServicePort> ports = new ArrayList<>();
    for (Track.Port p : t.ports()) {
      ServicePort sp = new ServicePort();
      sp.setName(p.name());
      sp.setPort(p.port());
      sp.setTargetPort(new IntOrString(p.name()));
      sp.setProtocol("TCP");
      ports.add(sp);
    }
    spec.setPorts(ports);
    Service s = new Service();
    s.setMetadata(trackMeta(app, t));
    s.setSpec(spec);
    return s;
  }

  private static HasMetadata hpa(App app, Track t) {
    CrossVersionObjectReference target =
        new CrossVersionObjectReference("apps/v1", "Deployment", t.name());
    MetricTarget utilization = new MetricTarget();
    utilization.setType("Utilization");
    utilization.setAverageUtilization(t.scaling().cpuUtilization());
    ResourceMetricSource cpu = new ResourceMetricSource("cpu", utilization);
    MetricSpec metric = new MetricSpec();
    metric.setType("Resource");
    metric.setResource(cpu);
    HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
    spec.setScaleTargetRef(target);
    spec.setMinReplicas(t.scaling().min());
    spec.setMaxReplicas(t.scaling().max());
    spec.setMetrics(List.of(metric));
    HorizontalPodAutoscaler h = new HorizontalPodAutoscaler();
    h.setMetadata(trackMeta(app, t));
    h.setSpec(spec);
    return h;
  }

  private static HasMetadata pdb(App app, Track t) {
    PodDisruptionBudgetSpec spec = new PodDisruptionBudgetSpec();
    spec.setMaxUnavailable(new IntOrString(1));
    spec.setSelector(selector(app, t));
    PodDisruptionBudget pdb = new PodDisruptionBudget();
    pdb.setMetadata(trackMeta(app, t));
    pdb.setSpec(spec);
    return pdb;
  }
}
