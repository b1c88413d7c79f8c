package io.canary2k8s.plan;

import static io.canary2k8s.plan.TestEstates.alb;
import static io.canary2k8s.plan.TestEstates.fed;
import static io.canary2k8s.plan.TestEstates.forward;
import static io.canary2k8s.plan.TestEstates.listener;
import static io.canary2k8s.plan.TestEstates.rule;
import static io.canary2k8s.plan.TestEstates.tg;
import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.ListenerRule;
import io.canary2k8s.inventory.RuleAction;
import io.canary2k8s.inventory.RuleCondition;
import io.canary2k8s.inventory.RuleTransform;
import io.canary2k8s.split.WeightBasis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlbRuleRoutesTest {
  final TestEstates.Recorder notes = new TestEstates.Recorder();

  List<AlbRuleRoutes.RuleRoute> rules(ListenerRule... rules) {
    ListenerRule[] all = new ListenerRule[rules.length + 1];
    System.arraycopy(rules, 0, all, 0, rules.length);
    all[rules.length] = rule("default", forward("web", 1));
    Estate estate =
        new Estate(
            TestEstates.albInventory(
                List.of(alb("web", listener("HTTP", 80, all))),
                List.of(tg("web", Map.of()), tg("other", Map.of())),
                List.of(fed("web", 2, "web"))),
            notes);
    notes.notes.clear();
    return new AlbRuleRoutes(estate.v2(), notes).of("web", WeightBasis.DESIRED);
  }

  static RuleCondition hosts(String... values) {
    return new RuleCondition("host-header", null, List.of(values));
  }

  static RuleCondition paths(String... values) {
    return new RuleCondition("path-pattern", null, List.of(values));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "none",
      value = {
        "/api, /api, EXACT",
        "/api/*, /api/, PREFIX",
        "/*, /, PREFIX",
        "/a*b, ^/a.*b$, REGEX",
        "/v?/beta/*, ^/v./beta/.*$, REGEX",
        "/a.b+(c)?, ^/a\\.b\\+\\(c\\).$, REGEX",
        "api/*, ^api/.*$, REGEX",
        "*, ^.*$, REGEX",
        "/a b, none, EXACT",
        "/a`b, none, EXACT",
      })
  void pathMatch_exactPrefixOrTheWholePathAsRegex(
      String pattern, String value, Route.PathMatch.Type type) {
    Route.PathMatch m = AlbRuleRoutes.pathMatch(pattern);
    if (value == null) {
      assertThat(m).isNull();
    } else {
      assertThat(m).isEqualTo(new Route.PathMatch(value, type));
    }
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
    "/v?/beta/*, /v2/beta/x, true",
    "/v?/beta/*, /v10/beta/x, false",
    "/v?/beta/*, /x/v2/beta/, false",
    "/a*b, /a/x/b, true",
    "/a*b, /a/x/bc, false",
  })
  void aPatternsRegex_matchesWhatAwsMatches(String pattern, String path, boolean matches) {
    assertThat(Re2.finds(AlbRuleRoutes.pathMatch(pattern).value(), path, false)).isEqualTo(matches);
  }

  @Test
  void hostAndPathRules_becomeRoutes_inPriorityOrder_hostsLowerCase() {
    List<AlbRuleRoutes.RuleRoute> r =
        rules(
            rule("20", forward("web", 1), paths("/api/*")),
            rule("10", forward("web", 1), hosts("Admin.Example.com")));
    assertThat(r).extracting(x -> x.rule().priority()).containsExactly("10", "20");
    assertThat(r.get(0).hosts()).containsExactly("admin.example.com");
    assertThat(r.get(1).paths()).containsExactly(new Route.PathMatch("/api/", true));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void whatTheEdgeCannotExpress_isNotMigrated_withWhy() {
    List<AlbRuleRoutes.RuleRoute> r =
        rules(
            rule(
                "10",
                forward("web", 1),
                new RuleCondition("http-header", "X-Canary", List.of("1"))),
            rule("20", forward("web", 1), paths("/a b")),
            rule(
                "30",
                new RuleAction("fixed-response", 1, List.of(), null, Map.of("StatusCode", "503"))),
            rule("40", forward("other", 1), hosts("x.example.com")));
    assertThat(r).isEmpty();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: HTTP:80 rule 10 matches on http-header condition X-Canary [1], which the"
                + " bundle does not express; the rule is not migrated. Requests it matched fall"
                + " through to the next rule that is migrated.",
            "WARNING web: HTTP:80 rule 20 matches on path pattern '/a\\040b' (characters a path match"
                + " cannot quote), which the bundle does not express; the rule is not migrated."
                + " Requests it matched fall through to the next rule that is migrated.",
            "WARNING web: HTTP:80 rule 30 answers with a fixed response 503; not migrated (the"
                + " bundle routes only forwards). Requests it matched fall through to the next rule"
                + " that is migrated.",
            "WARNING web: HTTP:80 rule 40 gives 1 (100 %) of its requests to target group(s)"
                + " [other] with no instances of a migrated Auto Scaling group (under desired); AWS"
                + " answers those with an error today. The bundle divides the rest in its ratio.",
            "WARNING web: HTTP:80 rule 40 forwards to no migrated instances; not migrated. Requests"
                + " it matched fall through to the next rule that is migrated.");
  }

  @Test
  void pathAndHostRegularExpressions_becomeRouteConditions() {
    // a regex-only condition has no values: read as no condition, the rule took every request
    List<AlbRuleRoutes.RuleRoute> r =
        rules(
            rule(
                "10",
                forward("web", 1),
                new RuleCondition("path-pattern", null, List.of(), List.of("^/v[0-9]+/"))),
            rule(
                "20",
                forward("web", 1),
                new RuleCondition("host-header", null, List.of(), List.of("^api\\..*$"))));
    assertThat(r).extracting(x -> x.rule().priority()).containsExactly("10", "20");
    assertThat(r.get(0).paths())
        .containsExactly(new Route.PathMatch("^/v[0-9]+/", Route.PathMatch.Type.REGEX));
    assertThat(r.get(0).hosts()).isEmpty();
    assertThat(r.get(0).hostRegexes()).isEmpty();
    assertThat(r.get(1).hostRegexes()).containsExactly("^api\\..*$");
    assertThat(r.get(1).paths()).isEmpty();
    assertThat(notes.notes)
        .containsExactly(
            "WARNING web: HTTP:80 rule 10's regular expressions [^/v[0-9]+/] are read as matching"
                + " anywhere in the value, as the edge's matchers do; AWS documents only anchored"
                + " examples (^...$). Anchor them on AWS and here if they must match the whole host"
                + " or path.");
  }

  @Test
  void regularExpressionsTheEdgeCannotRead_orOfOtherFields_areNotMigrated() {
    List<AlbRuleRoutes.RuleRoute> r =
        rules(
            rule(
                "10",
                forward("web", 1),
                new RuleCondition("path-pattern", null, List.of(), List.of("^/(?=a)"))),
            rule(
                "20",
                forward("web", 1),
                new RuleCondition("path-pattern", null, List.of(), List.of("^/a`b$"))),
            rule(
                "30",
                forward("web", 1),
                new RuleCondition("http-header", "User-Agent", List.of(), List.of(".+"))));
    assertThat(r).isEmpty();
    assertThat(notes.notes)
        .hasSize(3)
        .allSatisfy(n -> assertThat(n).contains("the rule is not migrated"));
    assertThat(notes.notes.get(0)).contains("rule 10").contains("RE2");
    assertThat(notes.notes.get(1)).contains("rule 20").contains("cannot quote");
    assertThat(notes.notes.get(2)).contains("rule 30").contains("paths and hosts only");
  }

  static ListenerRule withTransforms(ListenerRule plain, RuleTransform... transforms) {
    return new ListenerRule(
        plain.arn(),
        plain.priority(),
        plain.isDefault(),
        plain.conditions(),
        plain.actions(),
        List.of(transforms));
  }

  @Test
  void aRuleThatRewrites_carriesItsRewritesToItsRoute() {
    ListenerRule rewrites =
        withTransforms(
            rule("10", forward("web", 1), paths("/api/*")),
            new RuleTransform(
                "host-header-rewrite",
                List.of(new RuleTransform.Rewrite("^www\\.example\\.com$", "internal"))),
            new RuleTransform(
                "url-rewrite", List.of(new RuleTransform.Rewrite("^/api/(.*)$", "/$1"))));
    assertThat(rules(rewrites))
        .singleElement()
        .satisfies(
            rr ->
                assertThat(rr.rewrites())
                    .containsExactly(
                        new Route.Rewrite(
                            Route.Rewrite.Kind.HOST,
                            "^www\\.example\\.com$",
                            "internal",
                            "web HTTP:80 rule 10"),
                        new Route.Rewrite(
                            Route.Rewrite.Kind.PATH, "^/api/(.*)$", "/$1", "web HTTP:80 rule 10")));
    assertThat(notes.notes).isEmpty();
  }

  @Test
  void aRewriteNoTargetCanCarry_isAnErrorNamingTheRule_andTheRuleIsStillMigrated() {
    ListenerRule r =
        withTransforms(
            rule("10", forward("web", 1), paths("/api/*")),
            new RuleTransform(
                "url-rewrite", List.of(new RuleTransform.Rewrite("^/(?=api)(.*)$", "/$1"))),
            new RuleTransform(
                "host-header-rewrite",
                List.of(
                    new RuleTransform.Rewrite("^a$", "b"), new RuleTransform.Rewrite("^c$", "d"))),
            new RuleTransform("body-rewrite", List.of()));
    assertThat(rules(r)).singleElement().satisfies(rr -> assertThat(rr.rewrites()).isEmpty());
    assertThat(notes.notes).hasSize(3);
    assertThat(notes.notes.get(0))
        .startsWith(
            "ERROR web: HTTP:80 rule 10 rewrites requests before it forwards them (url-rewrite"
                + " [^/(?=api)(.*)$ -> /$1]); the bundle forwards them unchanged (its regex")
        .contains("RE2");
    assertThat(notes.notes.get(1)).contains("several rewrites");
    assertThat(notes.notes.get(2)).contains("body-rewrite").contains("does not know");
  }

  @Test
  void aRuleThatAuthenticates_isAnError() {
    ListenerRule auth =
        new ListenerRule(
            null,
            "10",
            false,
            List.of(hosts("x.example.com")),
            List.of(
                new RuleAction("authenticate-oidc", 1, List.of(), null, Map.of()),
                new RuleAction(
                    "forward",
                    2,
                    List.of(new RuleAction.WeightedTargetGroup(TestEstates.tgArn("web"), 1)),
                    null,
                    Map.of())));
    assertThat(rules(auth)).hasSize(1);
    assertThat(notes.notes)
        .singleElement()
        .asString()
        .startsWith("ERROR web: HTTP:80 rule 10 authenticates requests (authenticate-oidc)");
  }
}
