package io.canary2k8s.cli;

import io.canary2k8s.discover.live.LiveDiscovery;
import io.canary2k8s.discover.live.LiveOptions;
import io.canary2k8s.discover.live.Progress;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where discovery reads from: a capture directory ({@code --from-aws-cli}), or live AWS through the
 * SDK (the default credential chain, {@code --profile}, {@code --region}, {@code --endpoint-url},
 * {@code --role-arn}).
 */
public final class Source {
  @Option(
      names = "--from-aws-cli",
      paramLabel = "DIR",
      description =
          "Read a directory of saved AWS CLI output (layout: README; 'capture-script' makes one) instead of calling AWS.")
  Path capture;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      split = ",",
      description =
          "AWS region(s) to discover (repeat or comma-separate; default: the SDK's region chain). One inventory per region.")
  List<String> regions = new ArrayList<>();

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Named profile from the AWS config and credentials files.")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "One endpoint for every AWS service (like the AWS CLI's flag), e.g. a local emulator.")
  String endpointUrl;

  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description = "Assume this IAM role (read-only policy: docs/iam-policy.json).")
  String roleArn;

  @Option(
      names = "--allow-partial",
      description =
          "Keep going when a call is denied or fails: the inventory gets an ERROR note for each missing piece (default: exit 4, nothing written).")
  boolean allowPartial;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr (it is shown only on a terminal anyway).")
  boolean quiet;

  boolean live() {
    return capture == null;
  }

  void checkExclusive() {
    if (capture != null
        && (!regions.isEmpty()
            || profile != null
            || endpointUrl != null
            || roleArn != null
            || allowPartial)) {
      throw new UsageException(
          "--from-aws-cli reads a capture; it cannot be combined with --region, --profile,"
              + " --endpoint-url, --role-arn or --allow-partial");
    }
  }

  /** Every region's inventory, sorted by region. */
  Map<String, Inventory> readAll(Notes runNotes, PrintWriter err) {
    checkExclusive();
    if (!live()) {
      return Map.of("", Pipeline.readCapture(capture));
    }
    LiveOptions o =
        LiveOptions.defaults()
            .withRegions(regions)
            .withProfile(profile)
            .withEndpointUrl(endpoint())
            .withRoleArn(roleArn)
            .withAllowPartial(allowPartial);
    ProgressLine line = !quiet && stderrIsTerminal() ? new ProgressLine(err) : null;
    try {
      return LiveDiscovery.discover(o, runNotes, line == null ? Progress.NONE : line);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } finally {
      if (line != null) {
        line.done();
      }
    }
  }

  /** Exactly one inventory (render and migrate make one bundle). */
  Inventory readOne(Notes runNotes, PrintWriter err) {
    Map<String, Inventory> all = readAll(runNotes, err);
    if (all.size() != 1) {
      throw new UsageException(
          "one bundle is made from one region; got "
              + all.keySet()
              + " (run discover --region ... --output DIR, then render each inventory)");
    }
    return all.values().iterator().next();
  }

  private URI endpoint() {
    if (endpointUrl == null) {
      return null;
    }
    try {
      URI u = new URI(endpointUrl);
      if (u.getScheme() == null
          || u.getHost() == null
          || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
        throw new UsageException("--endpoint-url: '" + endpointUrl + "' is not an http(s) URL");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new UsageException("--endpoint-url: '" + endpointUrl + "' is not a URL");
    }
  }

  /** Whether stderr is a terminal (Linux: fd 2 is a tty device); else no progress. */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }

  /** One line on stderr, rewritten in place: service, region, items so far. */
  static final class ProgressLine implements Progress {
    private final PrintWriter err;
    private boolean shown;

    ProgressLine(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void update(String service, String region, int itemsSoFar) {
      err.printf(
          java.util.Locale.ROOT, "\r\033[Kdiscovering %s in %s: %d", service, region, itemsSoFar);
      err.flush();
      shown = true;
    }

    synchronized void done() {
      if (shown) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
