package io.canary2k8s.bench;

import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.render.diff.DiffMarkdown;
import io.canary2k8s.render.diff.Differ;
import io.canary2k8s.render.diff.Documents;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code diff} of two bundles of N apps in process: both read ({@link Documents#read}), compared
 * ({@link Differ#diff}) and the Markdown report made ({@link DiffMarkdown#render}), as the command
 * does. The two bundles are those bench/scale/run.sh compares: {@code out<N>} (the estate with the
 * desired weight basis) and {@code out<N>b} (the same estate with {@code --weight-basis
 * in-service}, so every app with an instance not in service changes replicas and weights), under
 * {@code $bench.estates}; made there first when missing.
 */
public class DiffBench extends EstateBench {
  private Path before;
  private Path after;

  @Setup(Level.Trial)
  public void setUp() {
    before = estates().resolve("out" + apps);
    after = estates().resolve("out" + apps + "b");
    if (!Files.isDirectory(before) || !Files.isDirectory(after)) {
      Inventory inventory = CaptureReader.read(capture());
      write(inventory, WeightBasis.DESIRED, before);
      write(inventory, WeightBasis.IN_SERVICE, after);
    }
  }

  /** The bundle of {@code inventory} with {@code basis}, into {@code out} unless it is there. */
  private static void write(Inventory inventory, WeightBasis basis, Path out) {
    if (Files.isDirectory(out)) {
      return;
    }
    Notes notes = new Notes();
    Translation tr = Translator.translate(inventory, planOptions(basis), TARGET, notes);
    try (BundleWriter.Pending pending = BundleWriter.open(out)) {
      BundleBuilder.build(tr, inventory, notes, RENDER, pending);
      pending.commit();
    }
  }

  @Benchmark
  public String diff() {
    Documents.Pair sides = Documents.read(before, after);
    return DiffMarkdown.render(
        Differ.diff(sides.before(), sides.after(), before.toString(), after.toString()),
        DiffMarkdown.DEFAULT_MAX_CHARS,
        "the JSON report");
  }
}
