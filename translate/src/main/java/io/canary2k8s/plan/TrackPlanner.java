package io.canary2k8s.plan;

import io.canary2k8s.config.Config;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.inventory.TargetGroup;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.Capacity;
import io.canary2k8s.text.Escape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A track from its Auto Scaling group: replicas (the instances it converges to), Service ports (the
 * instance ports of its load balancers' listeners and target groups), readiness probe and grace
 * period (their health checks and draining), the stable track's HPA (min/max size and a CPU
 * target-tracking policy), its image and resources (canary2k8s.yaml, the image tag if it is an
 * image reference, else a placeholder and an action item).
 */
final class TrackPlanner {
  /** A track's resources when none are configured: immutable, so one for every track. */
  static final Config.Resources DEFAULT_RESOURCES =
      new Config.Resources(Map.of("cpu", "250m", "memory", "256Mi"), Map.of("memory", "512Mi"));

  private final Estate estate;
  private final Config config;
  private final Probes probes;
  private final Notifier notes;

  TrackPlanner(Estate estate, Config config, Notifier notes) {
    this.estate = estate;
    this.config = config;
    this.probes = new Probes(notes);
    this.notes = notes;
  }

  /** Whether the HPA takes {@code p}'s target: an enabled target tracking policy on ASG CPU. */
  static boolean isCpuTarget(ScalingPolicy p) {
    return p.enabled()
        && "TargetTrackingScaling".equals(p.policyType())
        && "ASGAverageCPUUtilization".equals(p.metric())
        && p.targetValue() != null;
  }

  /**
   * The track {@code name} of app {@code appName} for group {@code g}, behind the app's load
   * balancers {@code appLbs}.
   */
  Track track(String appName, AutoScalingGroup g, Role role, String name, List<String> appLbs) {
    boolean stable = role == Role.STABLE;
    Config.AppConfig ac = config.apps().get(appName);
    Track.Image image = image(appName, ac, g, name);
    List<ClassicLoadBalancer> lbs =
        g.loadBalancerNames().stream().filter(appLbs::contains).map(estate::classic).toList();
    List<TargetGroup> tgs = estate.v2().targetGroups(g, appLbs);
    List<Track.Port> ports = ports(lbs, tgs);
    Track.Probe probe = null;
    Integer grace = null;
    for (ClassicLoadBalancer lb : lbs) {
      if (probe == null && lb.healthCheck() != null) {
        probe = probes.of(lb);
      }
      if (grace == null && lb.connectionDrainingSeconds() != null) {
        grace = lb.connectionDrainingSeconds() + 5;
        notes.info(
            lb.name(),
            "Connection draining of "
                + lb.connectionDrainingSeconds()
                + " s becomes terminationGracePeriodSeconds "
                + grace
                + " on "
                + name
                + ".");
      }
    }
    for (TargetGroup tg : tgs) {
      if (probe == null) {
        probe = probes.of(tg);
      }
      String delay = tg.attributes().get("deregistration_delay.timeout_seconds");
      if (grace == null && delay != null && delay.matches("\\d{1,4}")) {
        grace = Integer.parseInt(delay) + 5;
        notes.info(
            tg.arn(),
            "Deregistration delay of "
                + delay
                + " s becomes terminationGracePeriodSeconds "
                + grace
                + " on "
                + name
                + ".");
      }
    }
    return Track.of(name, role, g.name())
        .image(image)
        .replicas(Capacity.desired(g))
        .scaling(stable ? scaling(g) : null)
        .ports(ports)
        .probe(probe)
        .terminationGracePeriodSeconds(grace)
        .resources(resources(appName, ac, stable))
        .build();
  }

  /**
   * The Service ports: the instance port of each listener of the classic ELBs, then each target
   * group's port, named by protocol ({@code http}, {@code https}, {@code tcp-<port>}); a name taken
   * by a lower port gets the port's number.
   */
  private static List<Track.Port> ports(List<ClassicLoadBalancer> lbs, List<TargetGroup> tgs) {
    Map<Integer, Track.Port> ports = new TreeMap<>();
    for (ClassicLoadBalancer lb : lbs) {
      for (Listener l : lb.listeners()) {
        String portName =
            switch (l.instanceProtocol()) {
              case "HTTP" -> "http";
              case "HTTPS" -> "https";
              default -> "tcp-" + l.instancePort();
            };
        ports.putIfAbsent(l.instancePort(), new Track.Port(portName, l.instancePort()));
      }
    }
    for (TargetGroup tg : tgs) {
      if (tg.port() != null) {
        String portName =
            "HTTPS".equals(tg.protocol())
                ? "https"
                : "HTTP".equals(tg.protocol()) ? "http" : "tcp-" + tg.port();
        ports.putIfAbsent(tg.port(), new Track.Port(portName, tg.port()));
      }
    }
    // two ports cannot share a name: the later ones take their number
    Set<String> portNames = new TreeSet<>();
    Map<Integer, Track.Port> unique = new TreeMap<>();
    ports.forEach(
        (n, p) ->
            unique.put(n, portNames.add(p.name()) ? p : new Track.Port(p.name() + "-" + n, n)));
    return List.copyOf(unique.values());
  }

  /**
   * The stable track's HPA: null, with a note, when the group cannot scale. Its minimum is today's
   * desired instances (at least the group's minimum size, at least 1): the HPA owns the replicas
   * (the Deployment has none), so the first apply starts the track at that minimum, and neither the
   * first apply nor a quiet cluster before the DNS cutover takes it below the capacity that serves
   * today's traffic. The group's own minimum is noted, to lower the HPA to once traffic has moved.
   */
  private Track.Scaling scaling(AutoScalingGroup g) {
    Capacity capacity = Capacity.of(g);
    int minSize = capacity.min();
    int maxSize = capacity.max();
    if (minSize >= maxSize) {
      notes.info(g.name(), "MinSize equals MaxSize (" + minSize + " instances); no HPA.");
      return null;
    }
    ScalingPolicy cpu =
        g.scalingPolicies().stream().filter(TrackPlanner::isCpuTarget).findFirst().orElse(null);
    int target = cpu != null ? (int) Math.round(cpu.targetValue()) : 80;
    int today = Math.min(capacity.desired(), maxSize);
    int min = Math.max(1, Math.max(minSize, today));
    String minOrigin = null;
    if (today == 0) {
      notes.info(
          g.name(),
          "Desired capacity and MinSize 0 become HPA minReplicas 1 (an HPA cannot scale to zero).");
      minOrigin = "1: an HPA cannot scale to zero";
    } else if (min > minSize) {
      minOrigin = "today's desired instances; the group's MinSize is " + minSize;
      notes.info(
          g.name(),
          "HPA minReplicas is today's "
              + min
              + " desired instances, not the group's MinSize "
              + minSize
              + ": the HPA owns the replicas, so the first apply starts at "
              + min
              + " pods and the HPA does not scale below them before the traffic arrives. Lower"
              + " minReplicas to "
              + Math.max(1, minSize)
              + " once the DNS cutover is done.");
    }
    return new Track.Scaling(
        min,
        Math.max(min, maxSize),
        target,
        cpu != null
            ? "target tracking policy "
                + cpu.policyName()
                + " (ASG CPU is of the instance, HPA CPU is of the pod's request)"
            : "no CPU target-tracking policy; Kubernetes' default of 80 %",
        minOrigin);
  }

  /** The app's configured resources, else the defaults (noted once, on the stable track). */
  private Config.Resources resources(String appName, Config.AppConfig ac, boolean stable) {
    if (ac != null && ac.resources() != null) {
      return ac.resources();
    }
    if (stable) {
      notes.info(
          appName,
          "No resources configured (apps."
              + appName
              + ".resources in"
              + " canary2k8s.yaml); requests of 250m CPU and 256Mi memory, limit 512Mi, are used.");
    }
    return DEFAULT_RESOURCES;
  }

  /**
   * The image: the track's in canary2k8s.yaml, else the app's, else the group's {@code
   * canary2k8s.io/image} tag, else a placeholder with an action item.
   */
  private Track.Image image(
      String appName, Config.AppConfig ac, AutoScalingGroup g, String trackName) {
    if (ac != null) {
      Config.TrackConfig tc = ac.tracks().get(trackName);
      if (tc != null && tc.image() != null) {
        return Track.Image.of(
            tc.image(), "canary2k8s.yaml apps." + appName + ".tracks." + trackName + ".image");
      }
      if (ac.image() != null) {
        return Track.Image.of(ac.image(), "canary2k8s.yaml apps." + appName + ".image");
      }
    }
    String tag = g.tags().get(PlanBuilder.TAG_IMAGE);
    String placeholder = PlanBuilder.PLACEHOLDER_REGISTRY + Names.label(g.name()) + ":unknown";
    if (tag != null && !tag.isBlank()) {
      if (Config.isImageReference(tag)) {
        return Track.Image.of(tag, "ASG tag " + PlanBuilder.TAG_IMAGE);
      }
      notes.action(
          g.name(),
          "Tag "
              + PlanBuilder.TAG_IMAGE
              + " of Auto Scaling group "
              + g.name()
              + " is not an image reference ('"
              + Escape.visible(tag.length() > 80 ? tag.substring(0, 80) + "…" : tag)
              + "'); track "
              + trackName
              + " uses the placeholder "
              + placeholder
              + ". Correct the tag, or set apps."
              + appName
              + ".image (or apps."
              + appName
              + ".tracks."
              + trackName
              + ".image) in canary2k8s.yaml.");
      return Track.Image.placeholder(placeholder);
    }
    notes.action(
        g.name(),
        "No container image known for track "
            + trackName
            + "; the"
            + " placeholder "
            + placeholder
            + " is used. Set apps."
            + appName
            + ".image (or"
            + " apps."
            + appName
            + ".tracks."
            + trackName
            + ".image) in canary2k8s.yaml, or tag the"
            + " Auto Scaling group "
            + PlanBuilder.TAG_IMAGE
            + ".");
    return Track.Image.placeholder(placeholder);
  }
}
