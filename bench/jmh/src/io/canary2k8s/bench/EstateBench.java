package io.canary2k8s.bench;

import io.canary2k8s.config.Config;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.plan.Step;
import io.canary2k8s.render.RenderOptions;
import io.canary2k8s.split.WeightBasis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the benchmarks of an estate of N apps share: JMH's settings, the number of apps, where the
 * estates are, and the CLI's defaults they run with. The captures are made beforehand by
 * bench/estate/EstateGenerator.java into {@code $bench.estates/e<N>} (the system property is passed
 * by bench/scale/jmh.sh).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public abstract class EstateBench {
  /** What the CLI targets by default, and the render options of every bench bundle. */
  static final RouteEmitter TARGET = RouteEmitters.byName("traefik-v3");

  static final RenderOptions RENDER = new RenderOptions(Step.defaults(), "0.0.0-bench");

  @Param({"100", "1000", "10000"})
  public int apps;

  /** The CLI's defaults but for the weight basis. */
  static PlanOptions planOptions(WeightBasis basis) {
    return new PlanOptions(basis, Config.EMPTY, TARGET.defaultEdgeImage());
  }

  /** Where the estates are: {@code -Dbench.estates=DIR}. */
  static Path estates() {
    String base = System.getProperty("bench.estates");
    if (base == null) {
      throw new IllegalStateException(
          "-Dbench.estates=DIR is required (bench/scale/jmh.sh sets it)");
    }
    return Path.of(base);
  }

  /** The capture of this estate, which must be there. */
  Path capture() {
    Path capture = estates().resolve("e" + apps);
    if (!Files.isDirectory(capture)) {
      throw new IllegalStateException(
          capture + " is missing: run bench/estate/EstateGenerator.java --apps " + apps);
    }
    return capture;
  }
}
