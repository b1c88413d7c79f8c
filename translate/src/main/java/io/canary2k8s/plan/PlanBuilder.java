package io.canary2k8s.plan;

import io.canary2k8s.concurrent.InOrder;
import io.canary2k8s.config.Config;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notifier;
import io.canary2k8s.split.WeightBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private final TrackPlanner tracks;

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
    this.tracks = new TrackPlanner(estate, options.config(), notes);
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
      GroupChecks.check(g, trackOf.get(g.name()), basis, notes);
    }

    List<Route> routes = this.routes.routes(appName, hosts, splits, trackOf, stableGroup);
    List<Track> tracks = new ArrayList<>();
    for (AutoScalingGroup g : groups) {
      tracks.add(
          this.tracks.track(
              appName,
              g,
              g == stableGroup ? Role.STABLE : Role.CANARY,
              trackOf.get(g.name()),
              lbNames));
    }
    return new App(
        appName, appName, lbNames, tracks, routes, splits.inUse(), splits.underOtherBasis());
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
