package io.canary2k8s.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.input.Json;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link InventoryRedaction}: what is replaced, that the inventory stays whole, what it says. */
class InventoryRedactionTest {
  static final String KEY_ID = "AKIAQX7EXAMPLE2Z4W6Y";
  static final String TEMP_KEY_ID = "ASIAQX7EXAMPLE3Z4W6Y";
  static final String TAG_KEY_ID = "AKIAQX7EXAMPLE4Z4W6Y";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String ELB_DNS = "-123456789.eu-west-1.elb.amazonaws.com";

  static final List<String> SECRETS =
      List.of(
          KEY_ID,
          TEMP_KEY_ID,
          TAG_KEY_ID,
          SECRET_KEY,
          "correcthorsebattery",
          "s3cr3tvalue",
          "abc123header",
          "zzz9query");

  private static Map<String, String> tags(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static ClassicLoadBalancer elb(String name, Map<String, String> tags, String check) {
    return new ClassicLoadBalancer(
        name,
        name + ELB_DNS,
        "internet-facing",
        List.of("eu-west-1a"),
        List.of(new Listener("HTTP", 80, "HTTP", 8080, null)),
        new HealthCheck(check, 10, 5, 2, 3),
        List.of(),
        CrossZone.ENABLED,
        null,
        null,
        List.of(),
        tags);
  }

  private static AutoScalingGroup group(String name, String elb, Map<String, String> tags) {
    return new AutoScalingGroup(
        name,
        "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:3f1d2a9c:autoScalingGroupName/"
            + name,
        1,
        4,
        2,
        List.of("eu-west-1a"),
        List.of(elb),
        List.of(),
        List.of(new Instance("i-0a1b2c3d4e5f60718", "eu-west-1a", "InService", "Healthy", "m5")),
        List.of(),
        false,
        List.of(),
        tags);
  }

  /** An estate with a secret of every kind in names, references, tags, checks, rules and notes. */
  static Inventory planted() {
    LoadBalancerV2 alb =
        new LoadBalancerV2(
            "web-alb",
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web-alb/50dc6c49",
            "application",
            "web-alb" + ELB_DNS,
            "internet-facing",
            List.of("eu-west-1a"),
            List.of(
                new ListenerV2(
                    "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web-alb/1/2",
                    "HTTP",
                    80,
                    List.of(),
                    List.of(
                        new ListenerRule(
                            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/1",
                            "10",
                            false,
                            List.of(
                                new RuleCondition(
                                    "http-header", "X-Api-Token", List.of("abc123header")),
                                new RuleCondition(
                                    "query-string", null, List.of("token=zzz9query"))),
                            List.of(
                                new RuleAction("fixed-response", 1, List.of(), null, Map.of())))))),
            Map.of());
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        new Provenance("aws-cli", "eu-west-1", "123456789012", null),
        List.of(
            elb(
                KEY_ID,
                tags("db_password", "correcthorsebattery", "team", "payments"),
                "HTTP:8080/h"),
            elb("web", Map.of(), "HTTP:8080/health?token=s3cr3tvalue")),
        List.of(alb),
        List.of(),
        List.of(
            group(SECRET_KEY, KEY_ID, Map.of()),
            group(TEMP_KEY_ID + "-canary", KEY_ID, Map.of()),
            group("web-stable", "web", tags(TAG_KEY_ID, "x", "canary2k8s.io/app", "web"))),
        List.of(new HostedZone("Z0417932KX4V6BZ2M5QGH", "example.com", false)),
        List.of(
            new DnsRecord(
                "Z0417932KX4V6BZ2M5QGH",
                "app.example.com",
                "A",
                null,
                null,
                null,
                List.of(),
                new AliasTarget(
                    "dualstack." + KEY_ID.toLowerCase(Locale.ROOT) + ELB_DNS + ".",
                    "Z32O12XQLNTSW2",
                    true),
                "simple")),
        List.of(
            new Note(
                Severity.WARNING,
                "discover/aws-cli",
                KEY_ID,
                "No elb/attributes/" + KEY_ID + ".json: cross-zone assumed on."),
            new Note(
                Severity.INFO,
                "discover/aws-cli",
                "web",
                "The tag db_password is correcthorsebattery, and the admin's password=hunter2 too.")));
  }

  private static boolean holdsAny(String text, List<String> secrets) {
    String lower = text.toLowerCase(Locale.ROOT);
    return secrets.stream().anyMatch(s -> lower.contains(s.toLowerCase(Locale.ROOT)));
  }

  @Test
  void noSecretIsLeftInInventoryJsonInAnyCase() {
    Inventory planted = planted();
    assertThat(holdsAny(InventoryJson.write(planted), SECRETS)).isTrue();
    String json = InventoryJson.write(InventoryRedaction.redact(planted));
    for (String s : SECRETS) {
      assertThat(json.toLowerCase(Locale.ROOT)).doesNotContain(s.toLowerCase(Locale.ROOT));
    }
    assertThat(json).doesNotContain("hunter2");
  }

  @Test
  void eachSecretHasItsOwnPlaceholderSoThatNamesStayApartAndReferencesHold() {
    Inventory r = InventoryRedaction.redact(planted());
    // three groups, three names: two of them were keys
    List<String> names = r.autoScalingGroups().stream().map(AutoScalingGroup::name).toList();
    assertThat(new TreeSet<>(names)).hasSize(3).contains("web-stable");
    assertThat(names)
        .allMatch(n -> n.equals("web-stable") || n.matches("<redacted(-\\d+)?>(-canary)?"));
    // the ELB named by a key id: its groups, its DNS name and the record aliasing it agree
    ClassicLoadBalancer elb =
        r.classicLoadBalancers().stream().filter(l -> !l.name().equals("web")).findFirst().get();
    assertThat(SecretPatterns.isPlaceholder(elb.name())).isTrue();
    assertThat(elb.dnsName()).isEqualTo(elb.name() + ELB_DNS);
    assertThat(r.autoScalingGroups().stream().filter(g -> !g.name().equals("web-stable")))
        .allMatch(g -> g.loadBalancerNames().equals(List.of(elb.name())));
    assertThat(DnsNames.loadBalancerKey(r.dnsRecords().get(0).aliasTarget().dnsName()))
        .isEqualTo(DnsNames.loadBalancerKey(elb.dnsName()));
    // the group's ARN holds its redacted name
    AutoScalingGroup canary =
        r.autoScalingGroups().stream().filter(g -> g.name().endsWith("-canary")).findFirst().get();
    assertThat(canary.arn()).endsWith("autoScalingGroupName/" + canary.name());
  }

  @Test
  void valuesUnderKeysNamingASecretGoWholeOtherwiseOnlyTheSecret() {
    Inventory r = InventoryRedaction.redact(planted());
    ClassicLoadBalancer keyed =
        r.classicLoadBalancers().stream().filter(l -> !l.name().equals("web")).findFirst().get();
    assertThat(keyed.tags().get("team")).isEqualTo("payments");
    assertThat(SecretPatterns.isPlaceholder(keyed.tags().get("db_password"))).isTrue();
    ClassicLoadBalancer web =
        r.classicLoadBalancers().stream().filter(l -> l.name().equals("web")).findFirst().get();
    assertThat(web.healthCheck().target()).matches("HTTP:8080/health\\?token=<redacted(-\\d+)?>");
    // a tag key that is a key id: the key is replaced, its value kept
    AutoScalingGroup stable =
        r.autoScalingGroups().stream().filter(g -> g.name().equals("web-stable")).findFirst().get();
    assertThat(stable.tags()).containsEntry("canary2k8s.io/app", "web").containsValue("x");
    assertThat(stable.tags().keySet()).anyMatch(SecretPatterns::isPlaceholder);
    // an HTTP header condition on a token: its values go, the header's name stays
    List<RuleCondition> conditions =
        r.loadBalancersV2().get(0).listeners().get(0).rules().get(0).conditions();
    assertThat(conditions.get(0).key()).isEqualTo("X-Api-Token");
    assertThat(conditions.get(0).values()).allMatch(SecretPatterns::isPlaceholder);
    assertThat(conditions.get(1).values().get(0)).matches("token=<redacted(-\\d+)?>");
  }

  @Test
  void discoveryNotesAreRedactedTooCaptureFileNamesIncluded() {
    Inventory r = InventoryRedaction.redact(planted());
    List<Note> discovery =
        r.notes().stream().filter(n -> n.stage().equals("discover/aws-cli")).toList();
    assertThat(discovery).hasSize(2);
    Note attributes =
        discovery.stream().filter(n -> n.message().startsWith("No elb")).findFirst().get();
    assertThat(attributes.message())
        .isEqualTo("No elb/attributes/" + attributes.subject() + ".json: cross-zone assumed on.");
    assertThat(SecretPatterns.isPlaceholder(attributes.subject())).isTrue();
    Note quoting = discovery.stream().filter(n -> n.subject().equals("web")).findFirst().get();
    // the tag's value is long enough to be replaced wherever it occurs; the pair is found in place
    assertThat(quoting.message())
        .matches(
            "The tag db_password is <redacted(-\\d+)?>, and the admin's"
                + " password=<redacted(-\\d+)?> too\\.");
  }

  @Test
  void oneWarningPerItemNamesItsFieldsAndNeverTheValue() {
    Inventory r = InventoryRedaction.redact(planted());
    List<Note> warnings =
        r.notes().stream().filter(n -> n.stage().equals(InventoryRedaction.STAGE)).toList();
    assertThat(warnings).allMatch(n -> n.severity() == Severity.WARNING);
    for (Note w : warnings) {
      assertThat(holdsAny(w.subject() + " " + w.message(), SECRETS)).as(w.message()).isFalse();
      assertThat(w.message()).doesNotContain("hunter2");
    }
    Map<String, String> bySubject = new LinkedHashMap<>();
    warnings.forEach(w -> bySubject.merge(w.subject(), w.message(), (a, b) -> a + " | " + b));
    assertThat(bySubject.get("web"))
        .contains("Field healthCheck.target of classic ELB web holds a password or token")
        .contains("<redacted");
    String keyed =
        warnings.stream()
            .filter(w -> w.message().contains("of classic ELB <redacted"))
            .findFirst()
            .get()
            .message();
    assertThat(keyed)
        .startsWith("Fields name, dnsName, tags[db_password] of classic ELB <redacted")
        .contains("(the 1st of 2 in inventory.json)")
        .contains("an AWS access key id and a value under a key naming a secret");
    assertThat(bySubject.get("web-stable")).contains("Field tags[<redacted").contains("(its key)");
    assertThat(bySubject.get("web-alb"))
        .contains("listeners[0].rules[0].conditions[0].values[0]")
        .contains("listeners[0].rules[0].conditions[1].values[0]");
    assertThat(bySubject.get("app.example.com A"))
        .contains("Field aliasTarget.dnsName of DNS record");
    assertThat(warnings)
        .anyMatch(w -> w.message().contains("of the discovery note (discover/aws-cli)"));
  }

  @Test
  void withoutSecretsTheInventoryIsReturnedAsItIs() {
    Inventory clean =
        new Inventory(
            Inventory.SCHEMA_VERSION,
            new Provenance("aws-cli", "eu-west-1", "123456789012", null),
            List.of(elb("web", tags("team", "payments"), "HTTP:8080/health")),
            List.of(group("web-stable", "web", Map.of())),
            List.of(),
            List.of(),
            List.of());
    assertThat(InventoryRedaction.redact(clean)).isSameAs(clean);
  }

  @Test
  void redactingTwiceChangesNothingAndTheSameInputGivesTheSameOutput() {
    Inventory once = InventoryRedaction.redact(planted());
    assertThat(InventoryRedaction.redact(once)).isSameAs(once);
    assertThat(InventoryJson.write(InventoryRedaction.redact(planted())))
        .isEqualTo(InventoryJson.write(once));
  }

  @Test
  void aNewSecretInARedactedInventoryGetsANumberNotUsedYet() {
    Inventory once = InventoryRedaction.redact(planted());
    Set<String> before = placeholders(InventoryJson.write(once));
    List<AutoScalingGroup> groups = new ArrayList<>(once.autoScalingGroups());
    groups.add(group("AKIAQX7EXAMPLE9Z4W6Y", "web", Map.of()));
    Inventory edited =
        new Inventory(
            once.schemaVersion(),
            once.provenance(),
            once.classicLoadBalancers(),
            once.loadBalancersV2(),
            once.targetGroups(),
            groups,
            once.hostedZones(),
            once.dnsRecords(),
            once.notes());
    Inventory twice = InventoryRedaction.redact(edited);
    Set<String> after = placeholders(InventoryJson.write(twice));
    after.removeAll(before);
    assertThat(after).hasSize(1);
    assertThat(twice.autoScalingGroups()).hasSize(4);
    assertThat(twice.notes().stream().filter(n -> n.stage().equals(InventoryRedaction.STAGE)))
        .hasSize(
            (int)
                    once.notes().stream()
                        .filter(n -> n.stage().equals(InventoryRedaction.STAGE))
                        .count()
                + 1);
  }

  @Test
  void aShortSecretIsReplacedOnlyWhereItIsFound() {
    Inventory inv =
        new Inventory(
            Inventory.SCHEMA_VERSION,
            new Provenance("aws-cli", null, null, null),
            List.of(elb("web", tags("db_password", "hunter2"), "HTTP:8080/h")),
            List.of(group("hunter2-web", "web", Map.of())),
            List.of(),
            List.of(),
            List.of());
    Inventory r = InventoryRedaction.redact(inv);
    assertThat(r.classicLoadBalancers().get(0).tags().get("db_password")).isEqualTo("<redacted>");
    assertThat(r.autoScalingGroups().get(0).name()).isEqualTo("hunter2-web");
  }

  @Test
  void githubAndSlackTokensInTagsUnderOrdinaryKeysAreReplacedAndNamed() {
    String github = SecretPatternsTest.GITHUB_CLASSIC;
    String slack = SecretPatternsTest.SLACK_BOT;
    Inventory inv =
        new Inventory(
            Inventory.SCHEMA_VERSION,
            new Provenance("aws-cli", null, null, null),
            List.of(
                elb(
                    "web",
                    tags(
                        "ci",
                        "deploys with " + github,
                        "alerts",
                        SecretPatternsTest.SLACK_WEBHOOK,
                        "chatops",
                        slack),
                    "HTTP:8080/h")),
            List.of(group("web-stable", "web", Map.of())),
            List.of(),
            List.of(),
            List.of());
    Inventory r = InventoryRedaction.redact(inv);
    Map<String, String> t = r.classicLoadBalancers().get(0).tags();
    assertThat(t.get("ci")).matches("deploys with <redacted(-\\d+)?>");
    assertThat(t.get("alerts")).matches("https://hooks\\.slack\\.com/services/<redacted(-\\d+)?>");
    assertThat(SecretPatterns.isPlaceholder(t.get("chatops"))).isTrue();
    String json = InventoryJson.write(r);
    assertThat(json)
        .doesNotContain(github)
        .doesNotContain(slack)
        .doesNotContain(SecretPatternsTest.SLACK_PATH);
    Note warning =
        r.notes().stream()
            .filter(n -> n.stage().equals(InventoryRedaction.STAGE))
            .findFirst()
            .get();
    assertThat(warning.message())
        .startsWith("Fields tags[alerts], tags[chatops], tags[ci] of classic ELB web")
        .contains("a GitHub token and a Slack token and a Slack webhook URL");
  }

  private static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    var m = SecretPatterns.placeholders(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * The walk sees every string inventory.json holds: on the capture that fills every member AWS
   * documents, the strings of the JSON (but enum names) are the strings visited.
   */
  @Test
  void theWalkVisitsEveryStringOfInventoryJson() throws URISyntaxException {
    Path capture =
        Path.of(
            InventoryRedactionTest.class
                .getResource("/io/canary2k8s/discover/full-members")
                .toURI());
    Inventory inv = CaptureReader.read(capture);
    Set<String> visitedValues = new TreeSet<>();
    Set<String> visitedKeys = new TreeSet<>();
    new RecordWalk(
            new RecordWalk.Visitor() {
              @Override
              public String value(String value, RecordWalk.Field field, boolean secretNamed) {
                visitedValues.add(value);
                return value;
              }

              @Override
              public String key(String key, RecordWalk.Field field) {
                visitedKeys.add(key);
                return key;
              }
            },
            true)
        .walk(inv, null, false);
    Set<String> jsonValues = new TreeSet<>();
    Set<String> jsonKeys = new TreeSet<>();
    collect(Json.mapper().valueToTree(inv), jsonValues, jsonKeys);
    // enums are written as their names; they are not strings of the input
    for (CrossZone c : CrossZone.values()) {
      jsonValues.remove(c.name());
    }
    for (Severity s : Severity.values()) {
      jsonValues.remove(s.name());
    }
    assertThat(visitedValues).isEqualTo(jsonValues).hasSizeGreaterThan(50);
    assertThat(jsonKeys).containsAll(visitedKeys);
    assertThat(visitedKeys).isNotEmpty();
  }

  private static void collect(JsonNode node, Set<String> values, Set<String> keys) {
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, values, keys));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        keys.add(e.getKey());
        collect(e.getValue(), values, keys);
      }
    }
  }

  /** No component of the inventory is named like a secret: the key rule applies to data only. */
  @Test
  void noFieldOfInventoryJsonNamesASecret() {
    Set<String> names = new TreeSet<>();
    componentNames(Inventory.class, names, new java.util.HashSet<>());
    assertThat(names).hasSizeGreaterThan(50).noneMatch(SecretPatterns::namesSecret);
  }

  private static void componentNames(Class<?> type, Set<String> names, Set<Class<?>> seen) {
    if (!type.isRecord() || !seen.add(type)) {
      return;
    }
    for (var c : type.getRecordComponents()) {
      names.add(c.getName());
      componentNames(c.getType(), names, seen);
      if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
        for (var arg : p.getActualTypeArguments()) {
          if (arg instanceof Class<?> k) {
            componentNames(k, names, seen);
          }
        }
      }
    }
  }
}
