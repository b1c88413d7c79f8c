import io.canary2k8s.discover.live.CallRecorder;
import io.canary2k8s.discover.live.LiveDiscovery;
import io.canary2k8s.discover.live.LiveOptions;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Benchmark driver: one live discovery of REGION at ENDPOINT; prints the calls made per action and
 * the minimum the page sizes allow for what was found.
 *
 * <p>usage: java -cp DISCOVER_CLASSPATH:. LiveBench ENDPOINT REGION
 */
public final class LiveBench {
  public static void main(String[] args) {
    long start = System.nanoTime();
    CallRecorder calls = new CallRecorder();
    Notes run = new Notes();
    Map<String, Inventory> out =
        LiveDiscovery.discover(
            LiveOptions.defaults()
                .withRegions(List.of(args[1]))
                .withEndpointUrl(URI.create(args[0]))
                .withCredentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testing", "testing")))
                .withCallRecorder(calls),
            run,
            null);
    double seconds = (System.nanoTime() - start) / 1e9;
    Inventory inv = out.get(args[1]);
    int elbs = inv.classicLoadBalancers().size();
    int groups = inv.autoScalingGroups().size();
    long policies =
        inv.autoScalingGroups().stream().mapToLong(g -> g.scalingPolicies().size()).sum();
    int zones = inv.hostedZones().size();
    long recordCalls = 0;
    for (var z : inv.hostedZones()) {
      long records =
          inv.dnsRecords().stream().filter(r -> r.zoneId().equals(z.id())).count() + 2; // + NS, SOA
      recordCalls += Math.max(1, (records + 299) / 300);
    }
    long minimum =
        1 // sts:GetCallerIdentity
            + Math.max(1, ceil(elbs, 400))
            + ceil(elbs, 20)
            + elbs
            + Math.max(1, ceil(groups, 100))
            + Math.max(1, ceil(policies, 100))
            + Math.max(1, ceil(zones, 100))
            + recordCalls;
    System.out.printf(
        java.util.Locale.ROOT,
        "elbs=%d groups=%d zones=%d records=%d calls=%d minimum=%d in-process-seconds=%.2f%n",
        elbs,
        groups,
        zones,
        inv.dnsRecords().size(),
        calls.total(),
        minimum,
        seconds);
    calls.counts().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> System.out.println("  " + e.getKey() + " " + e.getValue()));
    run.sorted().forEach(n -> System.out.println("  note: " + n.message()));
  }

  private static long ceil(long n, long page) {
    return (n + page - 1) / page;
  }
}
