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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code diff} of two bundles of N apps in process (issue 7): both read ({@link Documents#read}),
 * compared ({@link Differ#diff}) and the Markdown report made ({@link DiffMarkdown#render}), as
 * the command does. The two bundles are those bench/scale/run.sh compares: {@code out<N>} (the
 * estate with the desired weight basis) and {@code out<N>b} (the same estate with {@code
 * --weight-basis in-service}, so every app with an instance not in service changes replicas and
 * weights), under {@code $bench.estates}; made there first when missing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DiffBench {
  @Param({"100", "1000", "10000"})
  public int apps;

  private Path before;
  private Path after;

  @Setup(Level.Trial)
  public void setUp() {
    Path base = StagesBench.estates();
    Path capture = StagesBench.capture(base, apps);
    before = base.resolve("out" + apps);
    after = base.resolve("out" + apps + "b");
    Inventory inventory = null;
    for (Path out : new Path[] {before, after}) {
      if (Files.isDirectory(out)) {
        continue;
      }
      if (inventory == null) {
        inventory = CaptureReader.read(capture);
      }
      WeightBasis basis = out == before ? WeightBasis.DESIRED : WeightBasis.IN_SERVICE;
      Notes notes = new Notes();
      Translation tr = Translator.translate(inventory, StagesBench.planOptions(basis), StagesBench.TARGET, notes);
      try (BundleWriter.Pending pending = BundleWriter.open(out)) {
        BundleBuilder.build(tr, inventory, notes, StagesBench.RENDER, pending);
        pending.commit();
      }
    }
  }

  @Benchmark
  public String diff() {
    Documents.Pair sides = Documents.read(before, after);
    return DiffMarkdown.render(
        Differ.diff(sides.before(), sides.after(), before.toString(), after.toString()),
        DiffMarkdown.DEFAULT_MAX_CHARS, "the JSON report");
  }
}
