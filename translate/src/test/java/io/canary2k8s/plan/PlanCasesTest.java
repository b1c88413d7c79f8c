package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.canary2k8s.config.Config;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.split.WeightBasis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of plan cases: each {@code src/test/resources/plan/<case>.inventory.json} (a small
 * inventory, in the format of {@code inventory.json}) is planned with the defaults (weight basis
 * desired, no canary2k8s.yaml) and compared with {@code <case>.plan.txt}, the plan and its notes as
 * {@link PlanText} writes them. One case per behaviour of the plan stage, each small enough to read
 * whole.
 *
 * <p>An inventory without its plan, or a plan without its inventory, fails. To add a case, write
 * its inventory and run
 *
 * <pre>
 *   ./mvnw -q -pl translate -am test -Dtest=PlanCasesTest -Dsurefire.failIfNoSpecifiedTests=false -Dplan.update=true
 * </pre>
 *
 * which writes every {@code .plan.txt} from the plan of today and passes; read {@code git diff}
 * before committing it, as for the bundle goldens.
 */
class PlanCasesTest {
  static final boolean UPDATE = Boolean.getBoolean("plan.update");
  static final String INPUT = ".inventory.json";
  static final String OUTPUT = ".plan.txt";

  static Path dir() {
    String repo = System.getProperty("repo.dir");
    Path root = repo != null ? Path.of(repo, "translate") : Path.of("");
    return root.resolve("src/test/resources/plan");
  }

  /** Every case that has an inventory or a plan (or both). */
  static Stream<String> cases() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir())) {
      files
          .map(f -> f.getFileName().toString())
          .forEach(
              f -> {
                if (f.endsWith(INPUT)) {
                  names.add(f.substring(0, f.length() - INPUT.length()));
                } else if (f.endsWith(OUTPUT)) {
                  names.add(f.substring(0, f.length() - OUTPUT.length()));
                } else {
                  fail("%s in %s is neither an inventory nor a plan", f, dir());
                }
              });
    }
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planIsAsWritten(String name) throws IOException {
    Path input = dir().resolve(name + INPUT);
    Path output = dir().resolve(name + OUTPUT);
    if (!Files.exists(input)) {
      fail("%s has no inventory %s: delete it or add the inventory", output, input);
    }
    String actual = plan(input);
    if (UPDATE) {
      Files.writeString(output, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(output)) {
      fail("%s has no plan %s: run with -Dplan.update=true and review it", input, output);
    }
    assertThat(actual)
        .as("plan of %s (regenerate with -Dplan.update=true)", input)
        .isEqualTo(Files.readString(output, StandardCharsets.UTF_8));
  }

  static String plan(Path inventory) {
    Notes notes = new Notes();
    Plan plan =
        PlanBuilder.build(
            InventoryJson.read(inventory),
            new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, "traefik:v3.7"),
            notes.scoped("translate/plan"));
    return PlanText.of(plan, notes.sorted());
  }
}
