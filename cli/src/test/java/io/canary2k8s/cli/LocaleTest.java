package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.render.BundleWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The output does not depend on the JVM's locale or time zone: every sample's bundle, a bundle with
 * a diff against a previous one, {@code diff} in both formats and {@code translate}, run in a child
 * JVM under locales with other digits (Arabic-Indic, Persian, Thai), another case mapping (Turkish
 * dotless i) and another grouping (Indian), are byte for byte what the same runs write under the
 * default locale, and so are their exit codes and their stderr.
 */
class LocaleTest {
  @TempDir static Path tmp;

  /** What the default locale's runs wrote: file → content. */
  static Map<String, String> reference;

  @BeforeAll
  static void defaultLocale() throws Exception {
    reference = runs("default", List.of("-Duser.language=en", "-Duser.country=US"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ar-SA: -Duser.language=ar -Duser.country=SA",
        "fa-IR: -Duser.language=fa -Duser.country=IR -Duser.timezone=Asia/Tehran",
        // th_TH_TH is the JDK's spelling of th-TH-u-nu-thai (Thai digits)
        "th-TH-u-nu-thai: -Duser.language=th -Duser.country=TH -Duser.variant=TH",
        "tr-TR: -Duser.language=tr -Duser.country=TR",
        "hi-IN: -Duser.language=hi -Duser.country=IN -Duser.timezone=Asia/Kolkata"
      })
  void everyByteIsTheSameUnder(String locale) throws Exception {
    String name = locale.substring(0, locale.indexOf(':'));
    List<String> options = List.of(locale.substring(locale.indexOf(':') + 1).trim().split(" "));
    Map<String, String> got = runs(name, options);
    assertThat(got.keySet()).isEqualTo(reference.keySet());
    for (String f : reference.keySet()) {
      assertThat(got.get(f)).as("%s under %s", f, name).isEqualTo(reference.get(f));
    }
  }

  /**
   * The runs in a child JVM with {@code options}, into {@code tmp/<name>}: every file they wrote
   * (bundles, stdout, stderr, exit codes), by path below it; the directory's own path is replaced
   * in what they printed.
   */
  static Map<String, String> runs(String name, List<String> options) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path outs = Files.createDirectories(dir.resolve("outputs"));
    List<String> args = new ArrayList<>(List.of(outs.toString()));
    for (String sample : Samples.names()) {
      args.addAll(List.of("migrate", "--from-aws-cli", Samples.capture(sample).toString()));
      args.addAll(Samples.configArgs(sample));
      args.addAll(List.of("--out", dir.resolve("bundles/" + sample).toString(), ";"));
    }
    Path capture = Samples.capture("cross-zone-off");
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    args.addAll(
        List.of(
            "migrate",
            "--from-aws-cli",
            capture.toString(),
            "--target",
            "traefik-v1",
            "--weight-basis",
            "in-service",
            "--out",
            before.toString(),
            ";",
            "migrate",
            "--from-aws-cli",
            capture.toString(),
            "--target",
            "traefik-v1",
            "--previous",
            before.toString(),
            "--edge-dns-name",
            "edge-0123.elb.amazonaws.com",
            "--edge-hosted-zone-id",
            "Z0EDGE",
            "--out",
            after.toString(),
            ";",
            "diff",
            before.toString(),
            after.toString(),
            ";",
            "diff",
            "--format",
            "json",
            before.toString(),
            after.toString(),
            ";",
            "translate",
            after.resolve("inventory.json").toString(),
            "--target",
            "gateway-api"));
    Process p = ChildCli.start(options, ManyMain.class.getName(), args, dir.resolve("child.log"));
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("the runs under %s ended", name).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
    Map<String, String> all = new TreeMap<>();
    for (Map.Entry<String, String> e : BundleWriter.read(dir).entrySet()) {
      if (!e.getKey().equals("child.log")) {
        all.put(e.getKey(), e.getValue().replace(dir.toString(), "DIR"));
      }
    }
    return all;
  }
}
