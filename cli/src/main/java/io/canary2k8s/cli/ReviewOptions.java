package io.canary2k8s.cli;

import io.canary2k8s.render.BundleLayout;
import io.canary2k8s.render.diff.Documents;
import io.canary2k8s.render.diff.NoteChanges;
import io.canary2k8s.render.dns.EdgeTarget;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Flags of render and migrate for the review workflow: the diff against a previous bundle, the DNS
 * plan.
 */
public final class ReviewOptions {
  @Option(
      names = "--previous",
      paramLabel = "DIR",
      description =
          "A previous bundle: write DIFF.md and diff.json comparing its base/ with the new one"
              + " (it may be the --out directory itself; it is read before anything is written).")
  Path previous;

  @Option(
      names = "--exit-code",
      description =
          "Exit 1 when the bundle differs from --previous (a file changed, new or gone; DIFF.md"
              + " and diff.json aside), 0 when not, as git diff --exit-code; errors keep their codes.")
  boolean exitCode;

  @Option(
      names = "--edge-dns-name",
      paramLabel = "NAME",
      description =
          "DNS name of the load balancer in front of the edge Traefik: the target of the"
              + " DNS cutover batches in dns/ (default: a placeholder, with an ACTION note).")
  String edgeDnsName;

  @Option(
      names = "--edge-hosted-zone-id",
      paramLabel = "ZONE_ID",
      description =
          "Canonical hosted zone id of that load balancer, for alias A/AAAA records"
              + " (default: a placeholder, with an ACTION note when an alias record moves).")
  String edgeHostedZoneId;

  EdgeTarget edge() {
    String problem = EdgeTarget.problem(edgeDnsName, edgeHostedZoneId);
    if (problem != null) {
      throw new UsageException(
          (problem.contains("hosted zone") ? "--edge-hosted-zone-id: " : "--edge-dns-name: ")
              + problem);
    }
    return new EdgeTarget(edgeDnsName, edgeHostedZoneId);
  }

  /** --exit-code compares with --previous: without it there is nothing to compare with. */
  void checkExitCode() {
    if (exitCode && previous == null) {
      throw new UsageException("--exit-code needs --previous DIR, the bundle to compare with");
    }
  }

  /** The previous bundle's objects, or null; read now, before the new bundle replaces it. */
  Documents previousDocuments() {
    if (previous == null) {
      return null;
    }
    if (!java.nio.file.Files.isDirectory(previous.resolve(Documents.BASE))) {
      throw new io.canary2k8s.input.InputException(
          previous.toString(), null, "is not a bundle (no base/ directory)");
    }
    return Documents.read(previous);
  }

  /** The previous bundle's notes, or null (no --previous, or a bundle without notes.json). */
  List<io.canary2k8s.notes.Note> previousNotes() {
    return previous == null ? null : NoteChanges.readBundle(previous, BundleLayout.NOTES);
  }
}
