package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.canary2k8s.render.BundleWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret in anything we write or ship: every golden bundle (samples/*&#47;expected/**, REVIEW.md
 * and notes.json included), and a bundle made from a capture with secrets planted in the fields the
 * tool must not copy (user data, launch template data, unmapped fields), is scanned for user-data
 * markers, AWS access key ids, secret keys, private keys, long base64 runs, and the values of the
 * AWS credential variables of this process when they are set.
 */
class SecretsScanTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String PLANTED_KEY_ID = "AKIAQX7EXAMPLE2Z4W6Y";
  static final String PLANTED_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String PLANTED_USER_DATA =
      Base64.getEncoder()
          .encodeToString(
              ("#!/bin/bash\nexport AWS_ACCESS_KEY_ID="
                      + PLANTED_KEY_ID
                      + "\nexport AWS_SECRET_ACCESS_KEY="
                      + PLANTED_SECRET
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8));

  record Rule(String name, Pattern pattern) {}

  static final List<Rule> RULES =
      List.of(
          new Rule(
              "AWS access key id",
              Pattern.compile("\\b(AKIA|ASIA|AIDA|AROA|ANPA|AGPA)[0-9A-Z]{16}\\b")),
          new Rule(
              "secret key name",
              Pattern.compile("(?i)aws_secret_access_key|secretaccesskey|aws_session_token")),
          new Rule("private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")),
          new Rule(
              "user data",
              Pattern.compile(
                  "(?i)\"?user_?data\"?\\s*[:=]|#cloud-config|#!/bin/(ba)?sh|IyEv(YmluL|dXNyL)|I2Nsb3VkLWNvbmZp")),
          // 40 characters of a secret access key's alphabet with upper, lower and a digit or / or +
          new Rule(
              "secret access key",
              Pattern.compile(
                  "(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")),
          new Rule("base64 run over 4 KB", Pattern.compile("[A-Za-z0-9+/=]{4096,}")));

  /** Findings in one file's text, as "rule: excerpt". */
  static List<String> scan(String text) {
    List<String> out = new ArrayList<>();
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(text);
      while (m.find()) {
        out.add(r.name() + ": " + excerpt(m.group()));
      }
    }
    for (String v :
        List.of(
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECURITY_TOKEN")) {
      String value = System.getenv(v);
      if (value != null && value.length() >= 8 && text.contains(value)) {
        out.add("value of $" + v);
      }
    }
    for (String p : List.of("aws.secretAccessKey", "aws.sessionToken", "aws.accessKeyId")) {
      String value = System.getProperty(p);
      if (value != null && value.length() >= 8 && text.contains(value)) {
        out.add("value of -D" + p);
      }
    }
    return out;
  }

  private static String excerpt(String s) {
    return s.length() <= 12 ? s : s.substring(0, 12) + "…";
  }

  static void assertNoSecrets(Path dir) throws IOException {
    List<String> findings = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(f)) {
          for (String x : scan(Files.readString(f, StandardCharsets.UTF_8))) {
            findings.add(dir.relativize(f) + ": " + x);
          }
        }
      }
    }
    assertThat(findings).as("secrets in %s", dir).isEmpty();
  }

  @Test
  void theScannerFindsWhatItLooksFor() {
    assertThat(scan("key " + PLANTED_KEY_ID)).anyMatch(f -> f.startsWith("AWS access key id"));
    assertThat(scan("x = " + PLANTED_SECRET + "\n"))
        .anyMatch(f -> f.startsWith("secret access key"));
    assertThat(scan("\"UserData\": \"" + PLANTED_USER_DATA + "\""))
        .anyMatch(f -> f.startsWith("user data"));
    assertThat(scan(PLANTED_USER_DATA)).anyMatch(f -> f.startsWith("user data"));
    assertThat(scan("-----BEGIN RSA PRIVATE KEY-----")).anyMatch(f -> f.startsWith("private key"));
    assertThat(scan("A".repeat(5000))).anyMatch(f -> f.startsWith("base64 run"));
    // what bundles do hold is not a finding: hashes, ARNs, ids, image references
    assertThat(
            scan(
                "sha 2b3709e4f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f5 arn:aws:acm:eu-west-1:210987654321:certificate/"
                    + "0d6f3c1e-7a2b-4c5d-8e9f-a0b1c2d3e4f5 i-0a000000000000001 registry.invalid/canary2k8s-set-me/x:unknown"))
        .isEmpty();
  }

  @Test
  void everyGoldenBundleIsClean() throws IOException {
    List<String> samples = Samples.names();
    assertThat(samples).isNotEmpty();
    for (String sample : samples) {
      Path expected = Samples.dir().resolve(sample).resolve("expected");
      assertThat(expected).isDirectory();
      assertThat(BundleWriter.read(expected).keySet())
          .anyMatch(k -> k.endsWith("REVIEW.md"))
          .anyMatch(k -> k.endsWith("notes.json"));
      assertNoSecrets(expected);
    }
  }

  @Test
  void secretsPlantedInFieldsWeDoNotMapNeverReachTheBundle(@TempDir Path tmp) throws IOException {
    Path capture = tmp.resolve("capture");
    BadInputTest.copyTree(Samples.capture("razorpay-myapp"), capture);
    Path asgFile = capture.resolve("autoscaling/describe-auto-scaling-groups.json");
    JsonNode asgs = JSON.readTree(asgFile.toFile());
    for (JsonNode g : asgs.get("AutoScalingGroups")) {
      ObjectNode lt = ((ObjectNode) g).putObject("LaunchTemplateData");
      lt.put("UserData", PLANTED_USER_DATA);
      ((ObjectNode) g).put("LaunchConfigurationName", "lc-with-user-data");
      for (JsonNode i : g.get("Instances")) {
        ((ObjectNode) i).put("UserData", PLANTED_USER_DATA);
      }
    }
    Files.writeString(asgFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(asgs));
    Path elbFile = capture.resolve("elb/describe-load-balancers.json");
    JsonNode elbs = JSON.readTree(elbFile.toFile());
    for (JsonNode lb : elbs.get("LoadBalancerDescriptions")) {
      ((ObjectNode) lb)
          .putObject("Credentials")
          .put("AccessKeyId", PLANTED_KEY_ID)
          .put("SecretAccessKey", PLANTED_SECRET);
      ((ObjectNode) lb.get("HealthCheck"))
          .put(
              "PrivateKey", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----");
    }
    Files.writeString(elbFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(elbs));
    // the planted capture itself does trip the scanner
    assertThat(scan(Files.readString(asgFile))).isNotEmpty();
    assertThat(scan(Files.readString(elbFile))).isNotEmpty();

    Path out = tmp.resolve("out");
    for (String target : Samples.TARGETS) {
      Cli run =
          Cli.run(
              "migrate",
              "--from-aws-cli",
              capture.toString(),
              "--out",
              out.toString(),
              "--target",
              target);
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(scan(run.err())).isEmpty();
      assertNoSecrets(out);
      Map<String, String> files = BundleWriter.read(out);
      assertThat(files).containsKeys("REVIEW.md", "notes.json", "inventory.json");
    }
  }
}
