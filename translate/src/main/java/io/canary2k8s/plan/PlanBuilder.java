package io.canary2k8s.plan;

import io.canary2k8s.concurrent.InOrder;
import io.canary2k8s.config.Config;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.HealthCheck;
import io.canary2k8s.inventory.Instance;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Listener;
import io.canary2k8s.inventory.ScalingPolicy;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inventory → {@link Plan}: groups DNS names, classic ELBs and Auto Scaling groups into apps, picks
 * each app's stable track and canaries, recovers the split behind every load balancer and composes
 * it with the DNS records in front, and notes every assumption with the AWS item it concerns.
 */
public final class PlanBuilder {
  public static final String TAG_APP = "canary2k8s.io/app";
  public static final String TAG_TRACK = "canary2k8s.io/track";
  public static final String TAG_IMAGE = "canary2k8s.io/image";
  public static final String PLACEHOLDER_REGISTRY = "registry.invalid/canary2k8s-set-me/";

  /** The edge's entry point ports inside the pod (EdgeEmitter's), named for notes. */
  private static final String EDGE_PORTS = "8000 (HTTP), 8443 (HTTPS) and 9000 (ping)";

  /** A track's resources when none are configured: immutable, so one for every track. */
  private static final Config.Resources DEFAULT_RESOURCES =
      new Config.Resources(Map.of("cpu", "250m", "memory", "256Mi"), Map.of("memory", "512Mi"));

  private static final Pattern HEALTH_TARGET =
      Pattern.compile("^(HTTP|HTTPS|TCP|SSL):(\\d{1,5})(/.*)?$", Pattern.CASE_INSENSITIVE);

  private final Inventory inventory;
  private final PlanOptions options;

  /**
   * The caller's notifier: called on the calling thread only, in the order a one-thread build calls
   * it.
   */
  private final Notifier out;

  /**
   * Where this thread's notes go while it works on one app: that app's buffer, replayed in app
   * order.
   */
  private final ThreadLocal<NoteBuffer> appNotes = new ThreadLocal<>();

  /** Every note of the plan: into the current app's buffer, else straight to the caller. */
  private final Notifier notes;

  private final int threads;

  /** The inventory indexed: load balancers, groups, the ALBs and NLBs. */
  private final Estate estate;

  /** Shortcuts into {@link #estate}. */
  private final Map<String, ClassicLoadBalancer> elbs;

  private final Map<String, AutoScalingGroup> asgs;
  private final ElbV2Planner v2;

  /** The hosts and how Route53 answers for them. */
  private DnsAnswers dns;

  private final AppNaming naming;
  private final SplitPlanner splits;
  private RoutePlanner routes;

  private PlanBuilder(Inventory inventory, PlanOptions options, Notifier out, int threads) {
    this.inventory = inventory;
    this.options = options;
    this.out = out;
    this.notes =
        (severity, subject, message) -> {
          NoteBuffer b = appNotes.get();
          (b != null ? b : out).note(severity, subject, message);
        };
    this.threads = threads;
    this.estate = new Estate(inventory, notes);
    this.elbs = estate.classicLoadBalancers();
    this.asgs = estate.groups();
    this.v2 = estate.v2();
    this.naming = new AppNaming(estate, new TrackRoles(notes), notes);
    this.splits = new SplitPlanner(estate, options.basis(), notes);
  }

  /**
   * The plan of {@code inventory}, its apps built on every core. {@code notes} is called on this
   * thread only, in the same order whatever the number of cores; a failure inside an app is thrown
   * as it was thrown, after the notes of the apps before it.
   */
  public static Plan build(Inventory inventory, PlanOptions options, Notifier notes) {
    return build(inventory, options, notes, Runtime.getRuntime().availableProcessors());
  }

  /**
   * {@link #build(Inventory, PlanOptions, Notifier)} on {@code threads} threads (tests compare 1
   * and more).
   */
  static Plan build(Inventory inventory, PlanOptions options, Notifier notes, int threads) {
    return new PlanBuilder(inventory, options, notes, threads).build();
  }

  // ---- graph ---------------------------------------------------------------------------------

  private Plan build() {
    dns = new DnsAnswers(estate, notes);
    routes = new RoutePlanner(estate, dns, notes);
    List<EstateGraph.Component> components = EstateGraph.components(estate, dns, notes);
    // Each component in order on this thread: what is left out, and the app's name (which depends
    // on the names taken before it); then the rest of every app on every core, each component's
    // notes replayed here in component order as its app comes in, as a one-thread build makes them.
    List<Job> jobs = new ArrayList<>(components.size());
    Set<String> usedNames = new java.util.HashSet<>();
    for (EstateGraph.Component members : components) {
      Job job = new Job();
      jobs.add(job);
      appNotes.set(job.notes);
      try {
        job.named = naming.name(members, usedNames);
      } catch (RuntimeException | Error e) {
        job.failure = e;
        break; // as a one-thread build stops here
      } finally {
        appNotes.remove();
      }
    }
    List<App> apps = new ArrayList<>();
    InOrder.forEach(
        jobs,
        threads,
        job -> {
          if (job.named != null) {
            appNotes.set(job.notes);
            try {
              job.app = buildApp(job.named);
            } catch (RuntimeException | Error e) {
              job.failure = e;
            } finally {
              appNotes.remove();
            }
          }
          return job;
        },
        job -> {
          job.notes.replay(out);
          if (job.failure instanceof RuntimeException e) {
            throw e;
          }
          if (job.failure instanceof Error e) {
            throw e;
          }
          if (job.app != null) {
            apps.add(job.app);
          }
        });
    Config.EdgeConfig ec = options.config().edge();
    return new Plan(options.basis(), apps, edge(apps, ec));
  }

  // ---- one app -------------------------------------------------------------------------------

  /**
   * One component: its notes, then its app's name (on the calling thread, in order), then its app
   * (on any core).
   */
  private static final class Job {
    final NoteBuffer notes = new NoteBuffer();
    AppNaming.Named named;
    App app;
    Throwable failure;
  }

  private App buildApp(AppNaming.Named named) {
    List<String> lbNames = named.loadBalancers();
    List<String> hosts = named.hosts();
    List<AutoScalingGroup> groups = named.groups();
    AutoScalingGroup stableGroup = named.stable();
    String appName = named.name();

    // tracks: names first, so that routes can refer to them
    Map<String, String> trackOf = AppNaming.trackNames(appName, stableGroup, groups);

    // the split behind each load balancer, under both bases
    SplitPlanner.Splits splits = this.splits.plan(lbNames, groups, trackOf);
    WeightBasis basis = options.basis();
    for (AutoScalingGroup g : groups) {
      long serving = 0;
      for (Instance i : g.instances()) {
        if (i.serving()) {
          serving++;
        }
      }
      if (serving != g.desiredCapacity()) {
        notes.warn(
            g.name(),
            "Desired capacity is "
                + g.desiredCapacity()
                + " but "
                + serving
                + " instances are in service; the split uses "
                + basis.flag()
                + ".");
      }
      if (g.loadBalancerNames().size() > 1) {
        notes.info(
            g.name(),
            "Auto Scaling group is behind "
                + g.loadBalancerNames().size()
                + " ELBs "
                + g.loadBalancerNames()
                + "; its Service "
                + trackOf.get(g.name())
                + " backs the host rules of each.");
      }
      noteGroupExtras(g);
    }

    List<Route> routes = this.routes.routes(appName, hosts, splits, trackOf, stableGroup);
    List<Track> tracks = new ArrayList<>();
    for (AutoScalingGroup g : groups) {
      tracks.add(track(appName, g, g == stableGroup, trackOf.get(g.name()), lbNames));
    }
    return new App(
        appName, appName, lbNames, tracks, routes, splits.inUse(), splits.underOtherBasis());
  }

  private void noteGroupExtras(AutoScalingGroup g) {
    if (!g.suspendedProcesses().isEmpty()) {
      notes.warn(
          g.name(),
          "Suspended processes "
              + g.suspendedProcesses()
              + " have no Kubernetes equivalent; ignored.");
    }
    if (g.mixedInstancesPolicy()) {
      notes.info(
          g.name(),
          "Mixed instances policy: capacity may be in weighted units, not"
              + " instances; replicas are the desired capacity as given.");
    }
    Set<String> types = new TreeSet<>();
    g.instances()
        .forEach(
            i -> {
              if (i.instanceType() != null) {
                types.add(i.instanceType());
              }
            });
    if (!types.isEmpty()) {
      notes.info(
          g.name(),
          "Instance types "
              + types
              + " are noted, not turned into resource"
              + " requests: size the pods from measurements.");
    }
    for (ScalingPolicy p : g.scalingPolicies()) {
      if (!isCpuTarget(p)) {
        notes.warn(
            g.name(),
            "Scaling policy "
                + p.policyName()
                + " ("
                + p.policyType()
                + (p.metric() != null ? ", " + p.metric() : "")
                + ") is not mapped to the HPA.");
      }
    }
  }

  private static boolean isCpuTarget(ScalingPolicy p) {
    return p.enabled()
        && "TargetTrackingScaling".equals(p.policyType())
        && "ASGAverageCPUUtilization".equals(p.metric())
        && p.targetValue() != null;
  }

  // ---- tracks --------------------------------------------------------------------------------

  private Track track(
      String appName, AutoScalingGroup g, boolean stable, String name, List<String> appLbs) {
    Config.AppConfig ac = options.config().apps().get(appName);
    Track.Image image = image(appName, ac, g, name);
    List<ClassicLoadBalancer> lbs =
        g.loadBalancerNames().stream().filter(appLbs::contains).map(elbs::get).toList();
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
    List<io.canary2k8s.inventory.TargetGroup> tgs = v2.targetGroups(g, appLbs);
    for (io.canary2k8s.inventory.TargetGroup tg : tgs) {
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
    Track.Probe probe = null;
    Integer grace = null;
    for (ClassicLoadBalancer lb : lbs) {
      if (probe == null && lb.healthCheck() != null) {
        probe = probe(lb);
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
    for (io.canary2k8s.inventory.TargetGroup tg : tgs) {
      if (probe == null) {
        probe = probe(tg);
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
    Track.Scaling scaling = null;
    if (stable) {
      if (g.minSize() < g.maxSize()) {
        ScalingPolicy cpu =
            g.scalingPolicies().stream().filter(PlanBuilder::isCpuTarget).findFirst().orElse(null);
        int target = cpu != null ? (int) Math.round(cpu.targetValue()) : 80;
        int min = Math.max(1, g.minSize());
        if (g.minSize() == 0) {
          notes.info(g.name(), "MinSize 0 becomes HPA minReplicas 1 (HPA cannot scale to zero).");
        }
        scaling =
            new Track.Scaling(
                min,
                Math.max(min, g.maxSize()),
                target,
                cpu != null
                    ? "target tracking policy "
                        + cpu.policyName()
                        + " (ASG CPU is of the instance, HPA CPU is of the pod's request)"
                    : "no CPU target-tracking policy; Kubernetes' default of 80 %");
      } else {
        notes.info(g.name(), "MinSize equals MaxSize (" + g.minSize() + "); no HPA.");
      }
    }
    Config.Resources resources = ac != null && ac.resources() != null ? ac.resources() : null;
    if (resources == null) {
      resources = DEFAULT_RESOURCES;
      if (stable) {
        notes.info(
            appName,
            "No resources configured (apps."
                + appName
                + ".resources in"
                + " canary2k8s.yaml); requests of 250m CPU and 256Mi memory, limit 512Mi, are used.");
      }
    }
    return new Track(
        name,
        stable ? Role.STABLE : Role.CANARY,
        g.name(),
        image,
        g.desiredCapacity(),
        scaling,
        List.copyOf(unique.values()),
        probe,
        grace,
        resources);
  }

  private Track.Image image(
      String appName, Config.AppConfig ac, AutoScalingGroup g, String trackName) {
    if (ac != null) {
      Config.TrackConfig tc = ac.tracks().get(trackName);
      if (tc != null && tc.image() != null) {
        return new Track.Image(
            tc.image(),
            "canary2k8s.yaml apps." + appName + ".tracks." + trackName + ".image",
            false);
      }
      if (ac.image() != null) {
        return new Track.Image(ac.image(), "canary2k8s.yaml apps." + appName + ".image", false);
      }
    }
    String tag = g.tags().get(TAG_IMAGE);
    if (tag != null && !tag.isBlank()) {
      return new Track.Image(tag, "ASG tag " + TAG_IMAGE, false);
    }
    String placeholder = PLACEHOLDER_REGISTRY + Names.label(g.name()) + ":unknown";
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
            + TAG_IMAGE
            + ".");
    return new Track.Image(placeholder, "placeholder", true);
  }

  /** A readiness probe from a target group's health check; null when it has none. */
  private Track.Probe probe(io.canary2k8s.inventory.TargetGroup tg) {
    if (tg.healthCheckProtocol() == null && tg.healthCheckPath() == null) {
      return null;
    }
    String protocol =
        tg.healthCheckProtocol() == null
            ? "HTTP"
            : tg.healthCheckProtocol().toUpperCase(java.util.Locale.ROOT);
    String scheme =
        switch (protocol) {
          case "HTTP" -> "HTTP";
          case "HTTPS" -> "HTTPS";
          default -> "TCP";
        };
    String hp = tg.healthCheckPort();
    Integer port =
        hp == null || hp.equals("traffic-port")
            ? tg.port()
            : hp.matches("\\d{1,5}") ? Integer.valueOf(hp) : null;
    if (port == null || port < 1 || port > 65535) {
      notes.warn(
          tg.arn(),
          "Health check port '"
              + hp
              + "' of target group "
              + tg.name()
              + " is not a port; no probe.");
      return null;
    }
    String path =
        scheme.equals("TCP") ? null : tg.healthCheckPath() == null ? "/" : tg.healthCheckPath();
    int interval = tg.healthCheckIntervalSeconds() == null ? 30 : tg.healthCheckIntervalSeconds();
    int timeout = tg.healthCheckTimeoutSeconds() == null ? 5 : tg.healthCheckTimeoutSeconds();
    return new Track.Probe(
        scheme,
        port,
        path,
        interval,
        Math.min(timeout, interval),
        tg.healthyThresholdCount() == null ? 5 : tg.healthyThresholdCount(),
        tg.unhealthyThresholdCount() == null ? 2 : tg.unhealthyThresholdCount(),
        tg.name()
            + ": "
            + protocol
            + ":"
            + (hp == null ? "traffic-port" : hp)
            + (path == null ? "" : path));
  }

  private Track.Probe probe(ClassicLoadBalancer lb) {
    HealthCheck hc = lb.healthCheck();
    Matcher m = HEALTH_TARGET.matcher(hc.target());
    if (!m.matches()) {
      notes.warn(
          lb.name(),
          "Health check target '" + hc.target() + "' is not PROTOCOL:PORT[PATH]; no probe.");
      return null;
    }
    String protocol = m.group(1).toUpperCase(java.util.Locale.ROOT);
    int port = Integer.parseInt(m.group(2));
    String path = m.group(3);
    String scheme =
        switch (protocol) {
          case "HTTP" -> "HTTP";
          case "HTTPS" -> "HTTPS";
          default -> "TCP";
        };
    if (scheme.equals("TCP")) {
      path = null;
      if (protocol.equals("SSL")) {
        notes.info(
            lb.name(), "SSL health check becomes a TCP probe (the TLS handshake is not checked).");
      }
    } else if (path == null) {
      path = "/";
    }
    return new Track.Probe(
        scheme,
        port,
        path,
        hc.interval(),
        Math.min(hc.timeout(), hc.interval()),
        hc.healthyThreshold(),
        hc.unhealthyThreshold(),
        lb.name() + ": " + hc.target());
  }

  // ---- edge ----------------------------------------------------------------------------------

  private Edge edge(List<App> apps, Config.EdgeConfig ec) {
    boolean anyHttps = apps.stream().flatMap(a -> a.routes().stream()).anyMatch(Route::https);
    boolean allBoth = !apps.isEmpty();
    boolean anyBoth = false;
    for (App a : apps) {
      for (Route r : a.routes()) {
        allBoth &= r.redirectsToHttps() || !r.http();
        anyBoth |= r.redirectsToHttps();
      }
    }
    boolean redirect = anyBoth && allBoth;
    boolean onlyV2Redirects =
        apps.stream()
            .flatMap(a -> a.routes().stream())
            .filter(Route::redirectsToHttps)
            .allMatch(r -> r.loadBalancers().stream().allMatch(v2::isV2));
    if (redirect && onlyV2Redirects) {
      notes.info(
          ec.namespace(),
          "Every load balancer redirected HTTP:80 to HTTPS:443; the edge redirects HTTP to"
              + " HTTPS the same way.");
    } else if (redirect) {
      notes.info(
          ec.namespace(),
          "Every load balancer listened on HTTP:80 and HTTPS:443; the edge"
              + " redirects HTTP to HTTPS (a classic ELB did not redirect: remove the redirect if"
              + " clients need plain HTTP).");
    } else if (anyBoth) {
      List<String> plain = new ArrayList<>();
      List<String> redirected = new ArrayList<>();
      for (App a : apps) {
        for (Route r : a.routes()) {
          if (r.redirectsToHttps()) {
            redirected.addAll(r.hosts());
          } else if (r.http()) {
            plain.addAll(r.hosts());
          }
        }
      }
      notes.info(
          ec.namespace(),
          "Some load balancers listened on both HTTP:80 and HTTPS:443 and"
              + " others on HTTP only: the hosts "
              + redirected
              + " redirect HTTP to HTTPS route by route"
              + " (a classic ELB did not redirect: remove the redirect if clients need plain HTTP); "
              + plain
              + " serve plain HTTP.");
    }
    String image = ec.image() != null ? ec.image() : options.edgeImage();
    if (options.edgeHostNetwork()) {
      notes.warn(
          ec.namespace(),
          "--edge-host-network: the edge pods use the nodes' network (hostNetwork, dnsPolicy"
              + " ClusterFirstWithHostNet) and bind ports "
              + EDGE_PORTS
              + " on every edge node's own addresses; Pod"
              + " Security Standard restricted and baseline both forbid host namespaces, so namespace "
              + ec.namespace()
              + " enforces privileged (warn and audit stay restricted). Keep those node ports free and firewalled.");
    }
    return new Edge(
        ec.namespace(),
        ec.nodeLabelKey(),
        ec.nodeLabelValue(),
        image,
        redirect,
        anyHttps,
        ec.webNodePort(),
        ec.websecureNodePort(),
        options.edgeHostNetwork());
  }
}
