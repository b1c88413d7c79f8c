package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review sends the reader only to objects the bundle has: every routing object an app's page
 * names (where a route's weights are held, in the diagram and in the canary steps) is a file of the
 * golden bundle's {@code base/}. A route the target leaves out, with a note, is named as none.
 */
class ReviewObjectsTest {
  private static final Pattern OBJECT =
      Pattern.compile(
          "(TraefikService|IngressRouteTCP|IngressRoute|Ingress|HTTPRoute|TCPRoute|TLSRoute)"
              + " ([a-z0-9][a-z0-9-]*)/([a-z0-9][a-z0-9.-]*)");

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("io.canary2k8s.cli.Samples#sampleTargets")
  void everyObjectAPageNamesIsInTheBundle(String sample, String target) throws IOException {
    Path bundle = Samples.expected(sample, target);
    Path review = bundle.resolve("review");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> pages = Files.list(review)) {
      for (Path page : pages.filter(p -> !p.getFileName().toString().startsWith("_")).toList()) {
        Matcher m = OBJECT.matcher(Files.readString(page));
        while (m.find()) {
          Path file =
              bundle
                  .resolve("base")
                  .resolve(m.group(2))
                  .resolve(m.group(1).toLowerCase(Locale.ROOT) + "-" + m.group(3) + ".yaml");
          if (!Files.isRegularFile(file)) {
            missing.add(page.getFileName() + ": " + m.group());
          }
        }
      }
    }
    assertThat(missing).as("objects %s/%s's review names", sample, target).isEmpty();
  }
}
