package io.canary2k8s.cli;

import io.canary2k8s.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Flags that decide whether and what a bundle (or a manifest stream) is written. */
public final class BundleOptions {
  @Option(
      names = "--steps",
      defaultValue = "25,50,100",
      paramLabel = "PERCENTS",
      description =
          "Canary shares of the step overlays, comma-separated percents; a rollback (0) is always added (default: ${DEFAULT-VALUE}).")
  String steps;

  @Option(
      names = "--strict",
      description =
          "Treat every ACTION item (e.g. a placeholder image) as a failure: exit 3, write nothing.")
  boolean strict;

  @Option(
      names = "--allow-errors",
      description = "Write the output even when the translation found ERROR notes.")
  boolean allowErrors;

  List<Step> stepList() {
    Set<Integer> percents = new LinkedHashSet<>();
    for (String part : steps.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int v;
      try {
        v = Integer.parseInt(p.endsWith("%") ? p.substring(0, p.length() - 1) : p);
      } catch (NumberFormatException e) {
        throw new UsageException("--steps: '" + p + "' is not a whole percentage");
      }
      if (v < 0 || v > 100) {
        throw new UsageException("--steps: " + v + " is not between 0 and 100");
      }
      percents.add(v);
    }
    percents.add(0);
    List<Step> out = new ArrayList<>();
    percents.forEach(p -> out.add(Step.of(p)));
    return out;
  }
}
