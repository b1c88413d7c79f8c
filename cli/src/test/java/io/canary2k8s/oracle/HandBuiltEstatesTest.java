package io.canary2k8s.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-built estates through the real CLI on every target: every host, path and listener is
 * routed as AWS routes it today, or a note names why not; an estate's known gap on a target must
 * still show (when it no longer does, remove it from {@link HandBuilt}).
 */
class HandBuiltEstatesTest {

  static Stream<Arguments> cases() {
    return HandBuilt.all().stream()
        .flatMap(c -> OracleCheck.TARGETS.stream().map(t -> Arguments.of(c, t)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void routesAsAwsDoesToday(HandBuilt.Case c, String target, @TempDir Path tmp) throws Exception {
    OracleCheck.Result r = OracleCheck.run(c.estate(), target, tmp, true);
    if (!r.failures().isEmpty() || !r.excused().isEmpty()) {
      System.out.println(c.name() + " " + r.report()); // the known gaps and the excused probes
    }
    List<HandBuilt.Gap> gaps = c.gaps(target);
    assertThat(r.overlays()).as("overlays of %s on %s", c.name(), target).isEmpty();
    assertThat(r.failures())
        .as(
            "%s on %s differs from AWS without a note, beyond its known gaps %s:%n%s",
            c.name(), target, gaps, r.report())
        .allMatch(f -> gaps.stream().anyMatch(g -> g.covers(f.probe())));
    for (HandBuilt.Gap g : gaps) {
      assertThat(r.failures())
          .as(
              "%s on %s: the known gap '%s' (%s) is gone: remove it from HandBuilt",
              c.name(), target, g.probe(), g.why())
          .anyMatch(f -> g.covers(f.probe()));
    }
  }
}
