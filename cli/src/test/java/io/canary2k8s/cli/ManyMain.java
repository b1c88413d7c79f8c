package io.canary2k8s.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several CLI runs in one JVM, for a test to run them in a child JVM of its choosing (a locale, a
 * time zone) at the cost of one start-up: {@code ManyMain DIR ARGS... ; ARGS... ; ...} runs each
 * command line and writes its stdout, stderr and exit code to {@code DIR/<i>.out}, {@code .err},
 * {@code .exit}.
 */
public final class ManyMain {
  private ManyMain() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<List<String>> commands = new ArrayList<>();
    commands.add(new ArrayList<>());
    for (String a : Arrays.copyOfRange(args, 1, args.length)) {
      if (a.equals(";")) {
        commands.add(new ArrayList<>());
      } else {
        commands.get(commands.size() - 1).add(a);
      }
    }
    for (int i = 0; i < commands.size(); i++) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              commands.get(i).toArray(String[]::new),
              new PrintWriter(out, true),
              new PrintWriter(err, true));
      Files.writeString(dir.resolve(i + ".out"), out.toString(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(i + ".err"), err.toString(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(i + ".exit"), Integer.toString(code), StandardCharsets.UTF_8);
    }
  }
}
