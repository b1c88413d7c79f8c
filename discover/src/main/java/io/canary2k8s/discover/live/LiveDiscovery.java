package io.canary2k8s.discover.live;

import io.canary2k8s.concurrent.DaemonThreads;
import io.canary2k8s.inventory.DnsRecord;
import io.canary2k8s.inventory.HostedZone;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.regions.Region;

/**
 * Live discovery: reads classic ELBs, Auto Scaling groups and Route53 through the AWS SDK for Java
 * v2 and builds the same {@link Inventory} that {@link io.canary2k8s.discover.CaptureReader} builds
 * from a capture directory of the same estate.
 *
 * <p><b>One inventory per region.</b> Classic ELBs and Auto Scaling groups are regional; Route53 is
 * global, so it is read once and every region's inventory carries all hosted zones and records (as
 * a capture of that region does).
 *
 * <p><b>Equal to a capture.</b> For the same estate, live discovery and a capture directory read by
 * {@code CaptureReader} give equal inventories except for {@link Provenance#source()} ({@code
 * aws-api} vs {@code aws-cli}) and {@link Provenance#capturedAt()}: a capture records when it ran,
 * live discovery leaves it null so that the bundle stays a function of the estate. {@link
 * #comparable(Inventory)} blanks both, for that comparison. Both map the answers with the same code
 * ({@link io.canary2k8s.discover.ElbMapping} and its siblings): live answers are first turned into
 * the JSON the AWS CLI prints for them ({@link SdkJson}).
 *
 * <p><b>Calls.</b> Read-only by construction ({@link ReadOnlyInterceptor}); never a launch
 * configuration or launch template call, so no user data is ever fetched. Largest page sizes (ELB
 * {@code PageSize} 400, Auto Scaling {@code MaxRecords} 100, Route53 records {@code MaxItems} 300,
 * zones 100), ELB tags in batches of 20, attributes per ELB, policies in one listing. ELB and Auto
 * Scaling calls of a region run on a small fixed pool ({@value #PARALLELISM} threads); Route53 (one
 * global, account-wide throttling bucket) is read sequentially on a thread of its own, at the same
 * time as the regions. The retry strategy is the SDK's standard one with {@value
 * AwsClients#MAX_ATTEMPTS} attempts when AWS throttles, and {@value
 * FailFastRetryStrategy#TRANSIENT_ATTEMPTS} within {@link LiveOptions#timeouts()} when it does not
 * answer; how often AWS throttled is reported as one note in the run's notes, not in the
 * inventories (so they stay equal whatever the weather). While a call waits for an answer longer
 * than {@value #QUIET_SECONDS} s, the progress is told which call and where, once a second.
 *
 * <p><b>Failures.</b> A denied or failing call throws {@link AwsAccessException} naming the action
 * and region. With {@link LiveOptions#allowPartial()} the inventory is returned instead, with an
 * ERROR note (stage {@value #STAGE}) for each piece that could not be read.
 */
public final class LiveDiscovery {
  /** Threads for the independent ELB and Auto Scaling calls of a region. */
  public static final int PARALLELISM = 4;

  /** {@link Provenance#source()} of live inventories. */
  public static final String SOURCE = "aws-api";

  /** Stage of the notes live discovery writes. */
  public static final String STAGE = "discover/aws-api";

  /** How long a call waits before the progress is told (then once a second). */
  static final long QUIET_SECONDS = 3;

  private LiveDiscovery() {}

  /**
   * Discovers every region of {@code options}.
   *
   * @param runNotes the run's notes: receives what concerns the run rather than the estate
   *     (throttling and retries)
   * @return one inventory per region, sorted by region
   * @throws AwsAccessException a call was denied or kept failing (unless allowPartial)
   * @throws IllegalArgumentException no region given and none configured
   */
  public static Map<String, Inventory> discover(
      LiveOptions options, Notes runNotes, Progress progress) {
    Progress serialised = serialised(progress == null ? Progress.NONE : progress);
    List<String> regions =
        options.regions().isEmpty()
            ? List.of(AwsClients.defaultRegion(options).id())
            : options.regions();
    Map<String, Inventory> out = new TreeMap<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(PARALLELISM, new DaemonThreads("canary2k8s-aws-"));
    ExecutorService dnsThread =
        Executors.newSingleThreadExecutor(new DaemonThreads("canary2k8s-route53-"));
    ExecutorService stsThread =
        Executors.newSingleThreadExecutor(new DaemonThreads("canary2k8s-sts-"));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(new DaemonThreads("canary2k8s-wait-"));
    try (AwsClients clients = new AwsClients(options, Region.of(regions.get(0)))) {
      ticker.scheduleAtFixedRate(
          () -> tellWaiting(clients.watch(), serialised), 1, 1, TimeUnit.SECONDS);
      Notes globalNotes = new Notes();
      Notifier globalNotifier = globalNotes.scoped(STAGE);
      // STS, Route53 and the regional crawls are independent and throttled in separate buckets,
      // so they overlap: the account id and Route53 (still strictly sequential) on a thread each,
      // the regions (one after another) on the pool, whose four listings then start together (an
      // endpoint that never answers fails them all within one call's timeout). Failures are
      // reported in the order the calls were made before: STS, then Route53, then the regions.
      Future<String> accountF =
          stsThread.submit(() -> accountId(clients, regions.get(0), options, globalNotifier));
      Future<Route53Crawl.Result> dnsF =
          dnsThread.submit(
              () ->
                  new Route53Crawl(
                          clients.route53(),
                          clients.setIdentifiers(),
                          options.allowPartial(),
                          globalNotifier,
                          serialised)
                      .read());
      Map<String, RegionCrawl.Result> regional = new TreeMap<>();
      Map<String, Notes> regionalNotes = new TreeMap<>();
      RuntimeException regionFailure = null;
      try {
        for (String region : regions) {
          Notes regionNotes = new Notes();
          regionalNotes.put(region, regionNotes);
          regional.put(
              region,
              new RegionCrawl(
                      clients,
                      Region.of(region),
                      pool,
                      options.allowPartial(),
                      regionNotes.scoped(STAGE),
                      serialised)
                  .read());
        }
      } catch (RuntimeException e) {
        regionFailure = e;
      }
      String account = RegionCrawl.get(accountF);
      Route53Crawl.Result dns = RegionCrawl.get(dnsF);
      if (regionFailure != null) {
        throw regionFailure;
      }
      for (String region : regions) {
        Notes regionNotes = regionalNotes.get(region);
        regionNotes.addAll(globalNotes.sorted());
        out.put(
            region,
            inventory(
                new Provenance(SOURCE, region, account, null),
                regional.get(region),
                dns,
                regionNotes.sorted()));
      }
      noteRetries(clients.retries(), (runNotes == null ? new Notes() : runNotes).scoped(STAGE));
    } finally {
      ticker.shutdownNow();
      pool.shutdownNow();
      dnsThread.shutdownNow();
      stsThread.shutdownNow();
    }
    return out;
  }

  /** Tells {@code progress} of the call waiting longest, once it has waited a while. */
  private static void tellWaiting(CallWatch watch, Progress progress) {
    watch
        .longestWaiting()
        .ifPresent(
            c -> {
              long s = watch.secondsWaiting(c);
              if (s >= QUIET_SECONDS) {
                progress.waiting(c.action, c.region, c.endpoint, s);
              }
            });
  }

  /**
   * The inventory with Provenance.source and capturedAt blanked: what equality with a capture
   * compares.
   */
  public static Inventory comparable(Inventory inventory) {
    Provenance p = inventory.provenance();
    return new Inventory(
        inventory.schemaVersion(),
        new Provenance(null, p == null ? null : p.region(), p == null ? null : p.accountId(), null),
        inventory.classicLoadBalancers(),
        inventory.loadBalancersV2(),
        inventory.targetGroups(),
        inventory.autoScalingGroups(),
        inventory.hostedZones(),
        inventory.dnsRecords(),
        inventory.notes());
  }

  private static Inventory inventory(
      Provenance provenance, RegionCrawl.Result r, Route53Crawl.Result dns, List<Note> notes) {
    List<HostedZone> zones = dns.zones();
    List<DnsRecord> records = dns.records();
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        provenance,
        r.loadBalancers(),
        r.loadBalancersV2(),
        r.targetGroups(),
        r.autoScalingGroups(),
        zones,
        records,
        notes);
  }

  private static String accountId(
      AwsClients clients, String region, LiveOptions options, Notifier notes) {
    String action = "sts:GetCallerIdentity";
    try {
      return Calls.call(
          action, region, () -> clients.sts(Region.of(region)).getCallerIdentity().account());
    } catch (AwsAccessException e) {
      if (!options.allowPartial()) {
        throw e;
      }
      notes.error("sts", e.getMessage() + "; the account id is not recorded.");
      return null;
    }
  }

  private static void noteRetries(RetryCounter retries, Notifier run) {
    if (retries.throttled() > 0) {
      run.info(
          "aws-api",
          "AWS throttled "
              + retries.throttled()
              + " request(s) over "
              + retries.calls()
              + " call(s); the SDK retried them with back-off ("
              + retries.retries()
              + " retries in all) and discovery read everything.");
    } else if (retries.retries() > 0) {
      run.info(
          "aws-api",
          "The SDK retried "
              + retries.retries()
              + " request(s) over "
              + retries.calls()
              + " call(s) after transient errors; discovery read everything.");
    }
  }

  private static Progress serialised(Progress p) {
    return new Progress() {
      @Override
      public synchronized void update(String service, String region, int itemsSoFar) {
        p.update(service, region, itemsSoFar);
      }

      @Override
      public synchronized void waiting(
          String action, String region, String endpoint, long seconds) {
        p.waiting(action, region, endpoint, seconds);
      }
    };
  }

  /** Runs {@code body}; under allowPartial an {@link AwsAccessException} becomes an ERROR note. */
  static <T> T guarded(
      boolean allowPartial,
      Notifier notes,
      String subject,
      String consequence,
      T fallback,
      java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (AwsAccessException e) {
      if (!allowPartial) {
        throw e;
      }
      notes.error(subject, e.getMessage() + "; " + consequence);
      return fallback;
    }
  }

  static <T> List<T> copy(List<T> in) {
    return in == null ? List.of() : new ArrayList<>(in);
  }
}
