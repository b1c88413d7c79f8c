package io.canary2k8s.bench;

import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.plan.Step;
import io.canary2k8s.render.Bundle;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.render.RenderOptions;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The in-process stages of {@code migrate --from-aws-cli} at N apps (issue 7): discover from the
 * capture ({@link CaptureReader#read}), translate ({@link Translator#translate} and every object
 * made, {@link Translation#objects}) and render ({@link BundleBuilder#build}: the objects made
 * again app by app and serialised, the whole bundle in memory; the CLI writes it as it is made,
 * measured by the whole-process run of bench/scale/run.sh).
 *
 * <p>The captures are made beforehand by bench/estate/EstateGenerator.java into
 * {@code $bench.estates/e<N>} (the system property is passed by bench/scale/jmh.sh). Each
 * stage's input is computed once per trial, so each benchmark times one stage only. {@code diff}
 * is {@link DiffBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StagesBench {
  @Param({"100", "1000", "10000"})
  public int apps;

  /** What the CLI targets by default, and the render options of every bench bundle. */
  static final RouteEmitter TARGET = RouteEmitters.byName("traefik-v3");
  static final RenderOptions RENDER = new RenderOptions(Step.defaults(), "0.0.0-bench");

  private Path capture;
  private Inventory inventory;
  private PlanOptions planOptions;
  private Translation translation;
  private Notes translated;

  @Setup(Level.Trial)
  public void setUp() {
    capture = capture(estates(), apps);
    planOptions = planOptions(WeightBasis.DESIRED);
    inventory = CaptureReader.read(capture);
    translated = new Notes();
    translation = Translator.translate(inventory, planOptions, TARGET, translated);
  }

  /** The CLI's defaults but for the weight basis. */
  static PlanOptions planOptions(WeightBasis basis) {
    return new PlanOptions(basis, Config.EMPTY, TARGET.defaultEdgeImage());
  }

  /** Where the estates are: {@code -Dbench.estates=DIR}. */
  static Path estates() {
    String base = System.getProperty("bench.estates");
    if (base == null) {
      throw new IllegalStateException("-Dbench.estates=DIR is required (bench/scale/jmh.sh sets it)");
    }
    return Path.of(base);
  }

  /** The capture of N apps under {@code base}, which must be there. */
  static Path capture(Path base, int apps) {
    Path capture = base.resolve("e" + apps);
    if (!Files.isDirectory(capture)) {
      throw new IllegalStateException(capture + " is missing: run bench/estate/EstateGenerator.java --apps " + apps);
    }
    return capture;
  }

  @Benchmark
  public Inventory discover() {
    return CaptureReader.read(capture);
  }

  @Benchmark
  public List<HasMetadata> translate() {
    return Translator.translate(inventory, planOptions, TARGET, new Notes()).objects();
  }

  @Benchmark
  public Bundle render() {
    // BundleBuilder only reads the notes (the overlays add the same ones again, kept once)
    return BundleBuilder.build(translation, inventory, translated, RENDER);
  }
}
