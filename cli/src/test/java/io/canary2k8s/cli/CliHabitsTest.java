package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a new user expects of a command line: suggestions, help that pastes, completion, version.
 */
class CliHabitsTest {
  @Test
  void aMistypedCommandGetsASuggestion() {
    Cli run = Cli.run("migrat", "--from-aws-cli", "capture/");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Did you mean: canary2k8s migrate");
  }

  @Test
  void aMistypedOptionGetsASuggestion() {
    Cli swapped = Cli.run("migrate", "--form-aws-cli", "capture/", "--out", "out/");
    assertThat(swapped.exit()).isEqualTo(2);
    assertThat(swapped.err()).contains("Did you mean: --from-aws-cli?");
    Cli prefix = Cli.run("diff", "--formt", "json", "a", "b");
    assertThat(prefix.exit()).isEqualTo(2);
    assertThat(prefix.err()).contains("--format");
    Cli far = Cli.run("diff", "--colour", "a", "b");
    assertThat(far.exit()).isEqualTo(2);
    assertThat(far.err()).doesNotContain("Did you mean").doesNotContain("Possible solutions");
  }

  @Test
  void editDistanceCountsASwapOnce() {
    assertThat(Help.distance("--form-aws-cli", "--from-aws-cli")).isEqualTo(1);
    assertThat(Help.distance("--stpes", "--steps")).isEqualTo(1);
    assertThat(Help.distance("--target", "--targte")).isEqualTo(1);
    assertThat(Help.distance("abc", "")).isEqualTo(3);
    assertThat(Help.distance("--out", "--out")).isZero();
  }

  /** Every example of every command, in help at 80 and at 200 columns, is a whole line. */
  @Test
  void examplesAreNeverWrapped() {
    for (int width : new int[] {80, 200}) {
      for (CommandLine c : commands()) {
        c.setUsageHelpAutoWidth(false);
        c.setUsageHelpWidth(width);
        List<String> help = c.getUsageMessage().lines().toList();
        String[] footer = c.getCommandSpec().usageMessage().footer();
        String name = c.getCommandSpec().qualifiedName();
        if (!name.endsWith(" help")) {
          assertThat(footer).as(name).isNotEmpty();
        }
        for (String line : footer) {
          assertThat(help).as(name + " at " + width).contains(line);
          // an 80-column terminal shows it on one line too
          assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(80);
        }
      }
    }
  }

  /** Every option with a fixed set of values completes to each of them. */
  @Test
  void completionOffersEveryValue() {
    String script = Cli.run("completion").out();
    int withValues = 0;
    List<String> named = new ArrayList<>();
    for (CommandLine c : commands()) {
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (o.completionCandidates() == null) {
          continue;
        }
        withValues++;
        named.add(o.longestName());
        for (String v : o.completionCandidates()) {
          assertThat(script).as(o.longestName()).contains("\"" + v + "\"");
        }
      }
    }
    assertThat(withValues).isPositive();
    assertThat(named).contains("--target", "--weight-basis", "--format");
    assertThat(script)
        .contains("(\"desired\" \"in-service\")")
        .contains("(\"markdown\" \"json\")")
        .contains("\"traefik-v3\"");
  }

  @Test
  void versionNamesTheCommitOfTheBuild() throws Exception {
    String version = Cli.run("--version").out().strip();
    assertThat(version).matches("canary2k8s \\S+ \\(commit ([0-9a-f]{40}|unknown)\\)");
    assertThat(Cli.run("render", "--version").out().strip()).isEqualTo(version);
    Process git =
        new ProcessBuilder("git", "rev-parse", "HEAD")
            .directory(Path.of(System.getProperty("repo.dir", "..")).toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (git.exitValue() == 0) {
      // the classes under test were built from this checkout (a commit made since the last
      // build is not in them: build again)
      assertThat(version).endsWith("(commit " + head + ")");
    } else {
      assertThat(version).endsWith("(commit unknown)");
    }
  }

  /** The command tree as Main sets it up. */
  private static List<CommandLine> commands() {
    List<CommandLine> all = new ArrayList<>();
    collect(Help.configure(new CommandLine(new Main())), all);
    return all;
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    into.add(c);
    c.getSubcommands().values().forEach(s -> collect(s, into));
  }
}
