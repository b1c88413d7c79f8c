package io.canary2k8s.discover;

import static io.canary2k8s.discover.CaptureLayout.CAPTURE_META;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Node;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.ClassicLoadBalancer;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Notifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads a directory of saved AWS CLI output (the layout of {@link CaptureLayout}) into an {@link
 * Inventory}, one part per service as live discovery crawls them ({@link ElbCapture}, {@link
 * ElbV2Capture}, {@link AutoScalingCapture}, {@link Route53Capture}), each through the mapping live
 * discovery uses too. Bad input stops the read with an {@link InputException} naming the file and
 * the field; optional files that are missing become notes saying what was assumed.
 */
public final class CaptureReader {
  private CaptureReader() {}

  /**
   * Reads {@code dir}. What discovery notices travels inside the inventory ({@link
   * Inventory#notes()}), so that a later {@code translate} of the saved inventory reports it too.
   *
   * <p>The four parts of a capture (Auto Scaling, classic ELB, ELBv2, Route53) are read at once,
   * each on its own thread, and joined in the order they were read one after another before, each
   * failing as it did then: a capture with several problems is rejected for the same one. A file
   * still being read when its part fails may have a syntax error further on: reading it whole, as
   * before, reported that first (see {@link Sections.Section#join()}).
   */
  public static Inventory read(Path dir) {
    return read(dir, new LongAdder());
  }

  /**
   * {@link #read(Path)}, counting into {@code items} each element of a result list as it is read
   * (load balancers, groups, records, ...), from the reading threads: for a progress display.
   */
  public static Inventory read(Path dir, LongAdder items) {
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir.toString(), null, "not a directory");
    }
    Notes found = new Notes();
    Notifier n = found.scoped("discover/aws-cli");
    List<AutoScalingCapture.Reference> references = new ArrayList<>();
    try (Sections sections = new Sections(dir, items)) {
      // every part on a thread of its own, sharing the cores (see Sections)
      Sections.Section<List<AutoScalingGroup>> asgPart =
          sections.start(f -> new AutoScalingCapture(f, n, references).read());
      Sections.Section<List<ClassicLoadBalancer>> elbPart =
          sections.start(f -> new ElbCapture(f, n).read());
      Sections.Section<ElbV2Capture.Result> elbv2Part =
          sections.start(f -> new ElbV2Capture(f).read());
      Sections.Section<Route53Capture.Result> dnsPart =
          sections.start(f -> new Route53Capture(f, n).read());
      List<ClassicLoadBalancer> elbs = elbPart.join();
      ElbV2Capture.Result elbv2 = elbv2Part.join();
      // one thread checked each group's load balancers and target groups as it read the group:
      // a reference to one not captured comes before any later problem of the groups
      List<AutoScalingGroup> asgs =
          asgPart.join(
              () -> AutoScalingCapture.checkReferences(references, elbs, elbv2.targetGroups()));
      Route53Capture.Result dns = dnsPart.join();
      return new Inventory(
          Inventory.SCHEMA_VERSION,
          readProvenance(new CaptureFiles(dir, items)),
          elbs,
          elbv2.loadBalancers(),
          elbv2.targetGroups(),
          asgs,
          dns.zones(),
          dns.records(),
          found.sorted());
    }
  }

  private static Provenance readProvenance(CaptureFiles files) {
    if (!files.exists(CAPTURE_META)) {
      return new Provenance("aws-cli", null, null, null);
    }
    Node meta = new Node(files.tree(CAPTURE_META), files.shown(CAPTURE_META), "");
    if (!meta.raw().isObject()) {
      throw meta.problem("expected a JSON object");
    }
    for (Iterator<String> it = meta.raw().fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("region", "accountId", "capturedAt", "tool").contains(f)) {
        throw meta.problem(f, "unknown field (known: region, accountId, capturedAt, tool)");
      }
    }
    return new Provenance(
        "aws-cli", meta.optText("region"), meta.optText("accountId"), meta.optText("capturedAt"));
  }

  /** A name that can be one path segment of the capture: no separators, not . or .. . */
  static boolean isSafeFileName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }
}
