import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.input.Json;
import io.canary2k8s.inventory.Inventory;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Thread CPU of one pass writing an estate's inventory.json in Json's pretty form, in a fresh JVM:
 * the cold pass a run makes. {@code writer}: Jackson's default printer, through a writer and its
 * encoder; {@code bytes}: Jackson's default printer, its UTF-8 generator into a byte stream; {@code
 * json}: {@code Json.write}, the project's printer of pre-encoded line starts into a byte stream,
 * the path {@code inventory.json} and {@code notes.json} take (docs/design.md, "Performance: fast
 * paths and their contracts").
 *
 * <p>usage: {@code java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m -Xms768m -cp
 * cli/target/canary2k8s.jar bench/scale/JsonOutCpu.java ESTATE writer|bytes|json OUT_FILE}
 */
public class JsonOutCpu {
  public static void main(String[] args) throws Exception {
    var threads = ManagementFactory.getThreadMXBean();
    Inventory inventory = CaptureReader.read(Path.of(args[0]));
    ObjectWriter pretty =
        Json.mapper()
            .writer(
                new DefaultPrettyPrinter()
                    .withSeparators(
                        Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    Path out = Path.of(args[2]);
    long cpu = threads.getCurrentThreadCpuTime();
    if (args[1].equals("writer")) {
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        pretty.writeValue(w, inventory);
        w.write('\n');
      }
    } else if (args[1].equals("json")) {
      try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
        Json.write(inventory, o);
      }
    } else {
      try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
        pretty.writeValue(o, inventory);
        o.write('\n');
      }
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "%s: thread CPU %.0f ms, %d bytes%n",
        args[1],
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
        Files.size(out));
  }
}
