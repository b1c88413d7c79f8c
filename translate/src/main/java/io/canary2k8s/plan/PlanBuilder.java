package io.canary2k8s.plan;

import io.canary2k8s.concurrent.InOrder;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Inventory → {@link Plan}: groups DNS names, load balancers and Auto Scaling groups into apps,
 * picks each app's stable track and canaries, recovers the split behind every load balancer and
 * composes it with the DNS records in front, and notes every assumption with the AWS item it
 * concerns.
 *
 * <p>The work is done by the pieces of this package, in this order: {@link Estate} (the inventory
 * indexed), {@link DnsAnswers} (hosts and Route53's answers), {@link EstateGraph} (the components
 * that become apps), {@link AppNaming} with {@link TrackRoles} (on this thread, component after
 * component: a name depends on the names taken before it), {@link AppPlanner} (each app, on every
 * core), {@link EdgePorts} (the edge's ports for every TCP route), {@link EdgePlanner}. This class
 * runs them and passes their notes on.
 */
public final class PlanBuilder {
  public static final String TAG_APP = "canary2k8s.io/app";
  public static final String TAG_TRACK = "canary2k8s.io/track";
  public static final String TAG_IMAGE = "canary2k8s.io/image";
  public static final String PLACEHOLDER_REGISTRY = "registry.invalid/canary2k8s-set-me/";

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

  /** Apps done so far, counted as each comes in (progress). */
  private final LongAdder appsDone;

  private final PlanOptions options;
  private final Estate estate;
  private final DnsAnswers dns;

  private PlanBuilder(
      Inventory inventory, PlanOptions options, Notifier out, int threads, LongAdder appsDone) {
    this.out = out;
    this.appsDone = appsDone;
    this.notes =
        (severity, subject, message) -> {
          NoteBuffer b = appNotes.get();
          (b != null ? b : out).note(severity, subject, message);
        };
    this.threads = threads;
    this.options = options;
    this.estate = new Estate(inventory, notes);
    this.dns = new DnsAnswers(estate, notes);
  }

  /**
   * The plan of {@code inventory}, its apps built on every core. {@code notes} is called on this
   * thread only, in the same order whatever the number of cores; a failure inside an app is thrown
   * as it was thrown, after the notes of the apps before it.
   */
  public static Plan build(Inventory inventory, PlanOptions options, Notifier notes) {
    return build(inventory, options, notes, new LongAdder());
  }

  /**
   * {@link #build(Inventory, PlanOptions, Notifier)}, counting each app into {@code apps} as it is
   * done: for a progress display.
   */
  public static Plan build(
      Inventory inventory, PlanOptions options, Notifier notes, LongAdder apps) {
    return new PlanBuilder(
            inventory, options, notes, Runtime.getRuntime().availableProcessors(), apps)
        .build();
  }

  /**
   * {@link #build(Inventory, PlanOptions, Notifier)} on {@code threads} threads (tests compare 1
   * and more).
   */
  static Plan build(Inventory inventory, PlanOptions options, Notifier notes, int threads) {
    return new PlanBuilder(inventory, options, notes, threads, new LongAdder()).build();
  }

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

  private Plan build() {
    List<EstateGraph.Component> components = EstateGraph.components(estate, dns, notes);
    // Each component in order on this thread: what is left out, and the app's name (which depends
    // on the names taken before it); then the rest of every app on every core, each component's
    // notes replayed here in component order as its app comes in, as a one-thread build makes them.
    AppNaming naming =
        new AppNaming(estate, new TrackRoles(notes), notes, options.config().edge().namespace());
    List<Job> jobs = new ArrayList<>(components.size());
    Set<String> usedNames = new HashSet<>();
    for (EstateGraph.Component component : components) {
      Job job = new Job();
      jobs.add(job);
      appNotes.set(job.notes);
      try {
        job.named = naming.name(component, usedNames);
      } catch (RuntimeException | Error e) {
        job.failure = e;
        break; // as a one-thread build stops here
      } finally {
        appNotes.remove();
      }
    }
    AppPlanner planner = new AppPlanner(estate, dns, options, notes);
    List<App> apps = new ArrayList<>();
    InOrder.forEach(
        jobs,
        threads,
        job -> {
          if (job.named != null) {
            appNotes.set(job.notes);
            try {
              job.app = planner.plan(job.named);
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
            appsDone.increment();
          }
        });
    EdgePorts.Assigned ports = EdgePorts.assign(apps, options.config().edge(), notes);
    return new Plan(
        options.basis(),
        ports.apps(),
        new EdgePlanner(estate, options, notes).edge(ports.apps(), ports.entryPoints()));
  }
}
