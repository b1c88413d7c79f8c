package io.canary2k8s.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How help is laid out: as wide as the terminal (80 columns when it is not one), and the examples
 * of the footers exactly as written, never wrapped, so that a pasted example is the command.
 */
final class Help {
  private Help() {}

  /** Sets up {@code cl} and every subcommand it has now. */
  static CommandLine configure(CommandLine cl) {
    cl.setUsageHelpAutoWidth(true);
    verbatimFooters(cl);
    return cl;
  }

  private static void verbatimFooters(CommandLine cl) {
    cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, Help::footer);
    cl.getSubcommands().values().forEach(Help::verbatimFooters);
  }

  /**
   * The footer's lines as they are written. Picocli wraps a footer at the usage width and may break
   * inside a word (after the dot of {@code canary2k8s.yaml}): a broken example pastes as two
   * commands. A footer line longer than the terminal is left to the terminal, whose soft wrap
   * copies as one line.
   */
  static String footer(CommandLine.Help help) {
    StringBuilder sb = new StringBuilder();
    for (String line : help.commandSpec().usageMessage().footer()) {
      sb.append(line).append(System.lineSeparator());
    }
    return sb.toString();
  }

  /**
   * "Did you mean" for an unknown command or option. Picocli suggests commands by similarity but
   * options only by their first two letters ({@code --form-aws-cli} gets nothing); options it has
   * nothing for are matched here by edit distance, a swap of two letters counting one.
   */
  static void printSuggestions(CommandLine.ParameterException ex, PrintWriter err) {
    if (UnmatchedArgumentException.printSuggestions(ex, err)
        || !(ex instanceof UnmatchedArgumentException u)
        || u.getUnmatched().isEmpty()) {
      return;
    }
    String arg = u.getUnmatched().get(0);
    int eq = arg.indexOf('=');
    String name = (eq < 0 ? arg : arg.substring(0, eq)).toLowerCase(Locale.ROOT);
    if (!name.startsWith("-")) {
      return;
    }
    List<String> close = new ArrayList<>();
    for (OptionSpec o : ex.getCommandLine().getCommandSpec().options()) {
      if (o.hidden()) {
        continue;
      }
      for (String n : o.names()) {
        int budget = Math.max(1, Math.min(3, n.length() / 5));
        if (n.startsWith("--") == name.startsWith("--") && distance(name, n) <= budget) {
          close.add(n);
        }
      }
    }
    if (!close.isEmpty()) {
      err.println("Did you mean: " + String.join(" or ", close.stream().sorted().toList()) + "?");
    }
  }

  /** Optimal string alignment distance: insertions, deletions, changes and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
