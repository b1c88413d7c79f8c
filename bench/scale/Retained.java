import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import java.nio.file.Path;

/**
 * What a run keeps on the heap after reading a capture ({@code read}) or after translating it too
 * ({@code translate}): a full collection, then {@code jcmd <pid> GC.class_histogram}, its first
 * LINES lines. What survives a young collection is copied once into the old generation (the
 * launcher's -XX:MaxTenuringThreshold=0), so this is what the collector copies.
 *
 * <p>usage: {@code java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -cp cli/target/canary2k8s.jar
 * bench/scale/Retained.java ESTATE read|translate LINES}
 */
public class Retained {
  public static void main(String[] args) throws Exception {
    Inventory inventory = CaptureReader.read(Path.of(args[0]));
    Translation tr = null;
    if (args[1].equals("translate")) {
      RouteEmitter target = RouteEmitters.byName("traefik-v3");
      tr =
          Translator.translate(
              inventory,
              new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, target.defaultEdgeImage()),
              target,
              new Notes());
    } else if (!args[1].equals("read")) {
      throw new IllegalArgumentException("read or translate, not " + args[1]);
    }
    System.gc();
    Process jcmd =
        new ProcessBuilder(
                "jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    int lines = Integer.parseInt(args[2]);
    try (var out = jcmd.inputReader()) {
      out.lines().limit(lines).forEach(System.out::println);
    }
    jcmd.waitFor();
    // both kept alive until the histogram is taken
    System.out.println(
        inventory.autoScalingGroups().size()
            + " Auto Scaling groups"
            + (tr == null ? "" : ", " + tr.plan().apps().size() + " apps"));
  }
}
