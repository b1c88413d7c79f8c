package io.canary2k8s.cli;

import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.discover.live.LiveDiscovery;
import io.canary2k8s.discover.live.LiveOptions;
import io.canary2k8s.discover.live.Timeouts;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryRedaction;
import io.canary2k8s.notes.Notes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
      names = "--timeout",
      paramLabel = "SECONDS[,SECONDS]",
      description =
          "How long to wait for AWS: an answer to one request, and a call's retries after timeouts or connection errors (default 10,60; throttling keeps its own longer back-off).")
  String timeout;

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

  /**
   * Every region's inventory, sorted by region, with its secrets redacted; each stage shown on
   * {@code progress}.
   */
  Map<String, Inventory> readAll(Notes runNotes, ProgressLine progress) {
    checkExclusive();
    if (!live()) {
      return Map.of(
          "",
          InventoryRedaction.redact(
              CaptureReader.read(capture, progress.stage("reading " + capture, "items"))));
    }
    LiveOptions o =
        LiveOptions.defaults()
            .withRegions(regions)
            .withProfile(profile)
            .withEndpointUrl(endpoint())
            .withRoleArn(roleArn)
            .withAllowPartial(allowPartial)
            .withTimeouts(timeouts());
    try {
      Map<String, Inventory> found = new TreeMap<>(LiveDiscovery.discover(o, runNotes, progress));
      found.replaceAll((region, inventory) -> InventoryRedaction.redact(inventory));
      return found;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Exactly one inventory (render and migrate make one bundle). */
  Inventory readOne(Notes runNotes, ProgressLine progress) {
    Map<String, Inventory> all = readAll(runNotes, progress);
    if (all.size() != 1) {
      throw new UsageException(
          "one bundle is made from one region; got "
              + all.keySet()
              + " (run discover --region ... --output DIR, then render each inventory)");
    }
    return all.values().iterator().next();
  }

  private Timeouts timeouts() {
    try {
      return timeout == null ? Timeouts.DEFAULT : Timeouts.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--timeout: " + e.getMessage());
    }
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
}
