import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.plan.Step;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.render.RenderOptions;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One cold run of the stages of {@code migrate --from-aws-cli} in one JVM, each stage timed: wall,
 * process CPU (all threads: the stage, the JIT and the collector) and collector time. Where the
 * whole-process number of run.sh goes, stage by stage. Not a JMH benchmark: one shot, JIT warm-up
 * included, as a user's run has it.
 *
 * <p>usage (from the repository root, after the jar is built; the launcher's JVM options): {@code
 * java -XX:+UseParallelGC -Xmn128m -Xms768m -XX:MaxTenuringThreshold=0 -XX:TieredStopAtLevel=1 -cp
 * cli/target/canary2k8s.jar bench/scale/Stages.java CAPTURE OUT [TARGET]}. OUT {@code -}: the
 * stages that write nothing only (read, translate), e.g. to compare two builds' read stage.
 */
public class Stages {
  public static void main(String[] args) {
    Path capture = Path.of(args[0]);
    Path out = args[1].equals("-") ? null : Path.of(args[1]);
    RouteEmitter target = RouteEmitters.byName(args.length > 2 ? args[2] : "traefik-v3");
    System.out.printf(
        java.util.Locale.ROOT, "%-12s %8s %8s %8s%n", "stage", "wall_s", "cpu_s", "gc_s");
    long t0 = System.nanoTime();
    Inventory inventory = timed("read", () -> CaptureReader.read(capture));
    Notes notes = new Notes();
    // the plan and the objects of no single app; each app's objects are made during render
    Translation tr =
        timed(
            "translate",
            () ->
                Translator.translate(
                    inventory,
                    new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, target.defaultEdgeImage()),
                    target,
                    notes));
    if (out == null) {
      return;
    }
    // render and write are one stream, as in the CLI: each app's files written as they are made
    BundleBuilder.Rendered r =
        timed(
            "render+write",
            () -> {
              try (BundleWriter.Pending pending = BundleWriter.open(out)) {
                BundleBuilder.Rendered built =
                    BundleBuilder.build(
                        tr,
                        inventory,
                        notes,
                        new RenderOptions(Step.defaults(), "0.0.0-bench"),
                        pending);
                pending.commit();
                return built;
              }
            });
    System.out.printf(
        java.util.Locale.ROOT,
        "%-12s %8.2f   (files %d)%n",
        "total",
        (System.nanoTime() - t0) / 1e9,
        r.files());
  }

  private static <T> T timed(String stage, Supplier<T> s) {
    long wall = System.nanoTime();
    long cpu = cpu();
    long gc = gc();
    T v = s.get();
    System.out.printf(
        java.util.Locale.ROOT,
        "%-12s %8.2f %8.2f %8.2f%n",
        stage,
        (System.nanoTime() - wall) / 1e9,
        (cpu() - cpu) / 1e9,
        (gc() - gc) / 1e3);
    return v;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gc() {
    long t = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, b.getCollectionTime());
    }
    return t;
  }
}
