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
import io.canary2k8s.yaml.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Thread CPU of {@code Yaml.dump} over every app object of an estate, ROUNDS times in one JVM, on
 * this thread only: what guards {@code BlockWriter} and the Blackbird accessors (docs/design.md,
 * "Performance: fast paths and their contracts"). Compare two builds by running it against each jar
 * in turn, several times.
 *
 * <p>usage: {@code java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m -Xms768m -cp
 * cli/target/canary2k8s.jar bench/scale/YamlDumpCpu.java ESTATE ROUNDS}
 */
public class YamlDumpCpu {
  public static void main(String[] args) {
    var threads = ManagementFactory.getThreadMXBean();
    Inventory inventory = CaptureReader.read(Path.of(args[0]));
    RouteEmitter target = RouteEmitters.byName("traefik-v3");
    Translation tr =
        Translator.translate(
            inventory,
            new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, target.defaultEdgeImage()),
            target,
            new Notes());
    List<HasMetadata> objects = new ArrayList<>();
    tr.plan().apps().forEach(app -> objects.addAll(tr.appObjects(app)));
    StringBuilder rounds = new StringBuilder();
    long chars = 0;
    for (int r = 0; r < Integer.parseInt(args[1]); r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      chars = 0;
      for (HasMetadata o : objects) {
        chars += Yaml.dump(o).length();
      }
      rounds.append(
          String.format(
              java.util.Locale.ROOT, " %.0f", (threads.getCurrentThreadCpuTime() - cpu) / 1e6));
    }
    System.out.println(
        objects.size() + " objects, " + chars + " chars; thread CPU ms per round:" + rounds);
  }
}
