package io.canary2k8s.bench;

import io.canary2k8s.render.diff.DiffMarkdown;
import io.canary2k8s.render.diff.Differ;
import io.canary2k8s.render.diff.Documents;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code diff} of one large object: a ConfigMap of 150,000 short keys (1.85 MB of YAML) added to a
 * side of one small object, and changed in every value. Compared ({@link Differ#diff}) and the
 * Markdown report made ({@link DiffMarkdown#render}), as the command does; the files are parsed in
 * the setup. The line diff of such an object is past the bound of changed lines, so the report says
 * how many lines changed; before the bound, the added case took about two minutes and 2.2 GB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LargeObjectDiffBench {
  static final int KEYS = 150_000;

  private Documents small;
  private Documents withBig;
  private Documents withBigChanged;

  @Setup(Level.Trial)
  public void setUp() {
    String smallMap =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n  namespace: ns\ndata:\n  a: b\n";
    small = Documents.parse(Map.of("small.yaml", smallMap));
    withBig = Documents.parse(Map.of("small.yaml", smallMap, "big.yaml", big("v")));
    withBigChanged = Documents.parse(Map.of("small.yaml", smallMap, "big.yaml", big("w")));
  }

  /** A ConfigMap of {@link #KEYS} keys, each with the value {@code value}. */
  static String big(String value) {
    StringBuilder sb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n");
    sb.append("  namespace: ns\ndata:\n");
    for (int i = 0; i < KEYS; i++) {
      sb.append(String.format(java.util.Locale.ROOT, "  k%05d: %s\n", i, value));
    }
    return sb.toString();
  }

  @Benchmark
  public String added() {
    return DiffMarkdown.render(
        Differ.diff(small, withBig, "before", "after"), DiffMarkdown.DEFAULT_MAX_CHARS, "json");
  }

  @Benchmark
  public String changed() {
    return DiffMarkdown.render(
        Differ.diff(withBig, withBigChanged, "before", "after"),
        DiffMarkdown.DEFAULT_MAX_CHARS,
        "json");
  }
}
