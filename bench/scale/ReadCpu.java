import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.Inventory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Wall and process CPU (all threads: the readers, the JIT, the collector) of one cold read of a
 * capture, in a fresh JVM: the read stage of a run, without the rest (session 9). Compare two
 * builds by running it against each jar in turn, several times.
 *
 * <p>usage: {@code java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m -Xms768m
 * -XX:MaxTenuringThreshold=0 -cp cli/target/canary2k8s.jar bench/scale/ReadCpu.java ESTATE}
 */
public class ReadCpu {
  public static void main(String[] args) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    Inventory inventory = CaptureReader.read(Path.of(args[0]));
    wall = System.nanoTime() - wall;
    cpu = os.getProcessCpuTime() - cpu;
    System.out.printf("read %d ms wall, %d ms CPU, %d Auto Scaling groups%n",
        wall / 1_000_000, cpu / 1_000_000, inventory.autoScalingGroups().size());
  }
}
