package io.canary2k8s.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.testing.Seeded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random estates (with the {@link Feature}s the product handles today) through the real CLI on
 * every target: every host, path and listener routed as AWS routes it, or excused by a note. Rerun
 * one case with {@code -Dproperty.seed=N}, run more with {@code -Dproperty.cases=N}; switch a known
 * gap on for a run with {@code -Doracle.features=NAME[,NAME]} (or {@code ALL}).
 */
class RandomEstatesTest {
  @TempDir Path tmp;

  @Test
  void everyHostPathAndListenerRoutesAsAwsDoes() {
    Set<Feature> features = Feature.enabled();
    System.out.println("features " + features + "; known gaps " + Feature.KNOWN_GAPS.keySet());
    Seeded.forAll(
        "routing oracle",
        6,
        rnd ->
            check(
                RandomEstates.generate(rnd, features),
                features.contains(Feature.TRAILING_SLASHLESS_PATHS)));
  }

  void check(Estate estate, boolean trailingSlashless) throws Exception {
    Path work = Files.createTempDirectory(tmp, "case");
    List<String> failed = new ArrayList<>();
    for (String target : OracleCheck.TARGETS) {
      OracleCheck.Result r = OracleCheck.run(estate, target, work, trailingSlashless);
      if (!r.passed() || Boolean.getBoolean("oracle.verbose")) {
        System.out.println(r.report());
      }
      if (!r.passed()) {
        failed.add(r.report());
      }
    }
    assertThat(failed).as("estate %s", estate).isEmpty();
  }
}
