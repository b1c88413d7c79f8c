package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route53 weighted records across load balancers, as Route53 answers them: weight 0 is never
 * answered unless the whole group is 0 (then every record equally), and a member that points at no
 * migrated load balancer is named in a note with the share it takes today; never a silent change of
 * the split. Built on samples/route53-weighted (blue 80 → shop-blue, green 20 → shop-green whose
 * own split is 3:1, old 0 → shop-old).
 */
class DnsWeightsTest {
  @TempDir Path tmp;

  Path capture() throws IOException {
    Path dir = tmp.resolve("capture");
    BadInputTest.copyTree(Samples.capture("route53-weighted"), dir);
    return dir;
  }

  Path zone(Path capture) {
    return capture.resolve("route53/zones/Z0SHOPWEIGHTED00001.json");
  }

  /** The TraefikService weights of the shop.example.com route, and the bundle's notes. */
  record Result(Map<String, Long> weights, List<JsonNode> notes) {
    boolean noted(String severity, String subject, String... mentions) {
      return notes.stream()
          .anyMatch(
              n ->
                  n.path("severity").asText().equals(severity)
                      && n.path("subject").asText().equals(subject)
                      && List.of(mentions).stream()
                          .allMatch(m -> n.path("message").asText().contains(m)));
    }
  }

  Result migrate(Path capture) throws IOException {
    Path out = tmp.resolve("out");
    Cli run = Cli.run("migrate", "--from-aws-cli", capture.toString(), "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    Map<String, Long> weights = new TreeMap<>();
    // the route of shop.example.com, wherever the app grouping put it
    JsonNode ir;
    try (var files = Files.walk(out.resolve("base"))) {
      Path p =
          files
              .filter(f -> f.getFileName().toString().startsWith("ingressroute-"))
              .filter(f -> read(f).contains("Host(`shop.example.com`)"))
              .findFirst()
              .orElseThrow();
      ir = BundleTest.docs(Files.readString(p)).get(0);
    }
    String ns = ir.at("/metadata/namespace").asText();
    String wrr = ir.at("/spec/routes/0/services/0/name").asText();
    BundleTest.docs(
            Files.readString(out.resolve("base/" + ns + "/traefikservice-" + wrr + ".yaml")))
        .get(0)
        .at("/spec/weighted/services")
        .forEach(s -> weights.put(s.get("name").asText(), s.get("weight").asLong()));
    JsonNode notes = new ObjectMapper().readTree(out.resolve("notes.json").toFile()).path("notes");
    List<JsonNode> list = new java.util.ArrayList<>();
    notes.forEach(list::add);
    return new Result(weights, list);
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void weightZeroIsNeverAnsweredAndTheRestComposeWithEachLoadBalancersSplit() throws IOException {
    Result r = migrate(capture());
    // 80/100 · 1 : 20/100 · 3/4 : 20/100 · 1/4 = 16 : 3 : 1; shop-old (weight 0) gets nothing
    assertThat(r.weights())
        .isEqualTo(Map.of("shop", 16L, "shop-green", 3L, "shop-green-canary", 1L));
    assertThat(r.noted("INFO", "shop.example.com", "'old'", "weight 0", "never answers it"))
        .isTrue();
  }

  @Test
  void anAllZeroGroupIsAnsweredEqually() throws IOException {
    Path c = capture();
    Files.writeString(
        zone(c),
        Files.readString(zone(c))
            .replace("\"Weight\": 80", "\"Weight\": 0")
            .replace("\"Weight\": 20", "\"Weight\": 0"));
    Result r = migrate(c);
    // 1/3 each: blue 1/3, green 1/3 · 3/4 = 1/4, canary 1/3 · 1/4 = 1/12, old 1/3 → 4 : 3 : 1 : 4
    assertThat(r.weights())
        .isEqualTo(Map.of("shop", 4L, "shop-green", 3L, "shop-green-canary", 1L, "shop-old", 4L));
    assertThat(r.noted("INFO", "shop.example.com", "weight 0", "answers each", "3 records equally"))
        .isTrue();
  }

  @Test
  void aMemberPointingAtNoMigratedLoadBalancerIsNamedWithItsShare() throws IOException {
    Path c = capture();
    Files.writeString(
        zone(c),
        Files.readString(zone(c))
            .replace(
                "dualstack.shop-green-2222222222.us-west-2.elb.amazonaws.com.",
                "d111111abcdef8.cloudfront.net."));
    Result r = migrate(c);
    // green's 20 % went to CloudFront: the migrated members keep their ratio (blue only; the
    // green ELB, now reached only by its own name, becomes an app of its own)
    assertThat(r.weights()).isEqualTo(Map.of("shop", 1L));
    assertThat(
            r.noted(
                "WARNING",
                "shop.example.com",
                "'green' -> d111111abcdef8.cloudfront.net.",
                "point at no load balancer in the capture",
                "1/5 (20 %)",
                "Decide where that traffic should go"))
        .isTrue();
  }

  @Test
  void aHostWhoseMigratedMembersAreNeverAnsweredGetsNoRule() throws IOException {
    Path c = capture();
    Files.writeString(
        zone(c),
        Files.readString(zone(c))
            .replace(
                "dualstack.shop-blue-1111111111.us-west-2.elb.amazonaws.com.",
                "d111111abcdef8.cloudfront.net.")
            .replace(
                "dualstack.shop-green-2222222222.us-west-2.elb.amazonaws.com.",
                "d222222abcdef8.cloudfront.net."));
    Path out = tmp.resolve("out");
    Cli run = Cli.run("migrate", "--from-aws-cli", c.toString(), "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String notes = Files.readString(out.resolve("notes.json"));
    assertThat(notes)
        .contains("Route53 never answers the A records that point at migrated load balancers");
    try (var files = Files.walk(out.resolve("base"))) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("ingressroute-")))
          .noneMatch(f -> read(f).contains("Host(`shop.example.com`)"));
    }
  }
}
