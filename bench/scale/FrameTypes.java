import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * How much of a run's Java CPU samples run in the interpreter: the top frame of each {@code
 * jdk.ExecutionSample} of a JFR recording by its type ({@code Interpreted}, {@code JIT compiled},
 * {@code Inlined}), and the methods most often interpreted at the top.
 *
 * <p>usage: {@code java bench/scale/FrameTypes.java RECORDING.jfr [TOP]}
 */
public class FrameTypes {
  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> interpreted = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      RecordedStackTrace st = e.getStackTrace();
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")
          || st == null
          || st.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      RecordedFrame f = st.getFrames().get(0);
      byType.merge(f.getType(), 1, Integer::sum);
      if (f.getType().equals("Interpreted")) {
        interpreted.merge(
            f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum);
      }
    }
    System.out.printf(java.util.Locale.ROOT, "%d samples%n", samples);
    for (Map.Entry<String, Integer> t : byType.entrySet()) {
      System.out.printf(
          java.util.Locale.ROOT,
          "%6d %5.1f %% %s%n",
          t.getValue(),
          100.0 * t.getValue() / samples,
          t.getKey());
    }
    System.out.println("interpreted at the top:");
    interpreted.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(
            x -> System.out.printf(java.util.Locale.ROOT, "%6d %s%n", x.getValue(), x.getKey()));
  }
}
