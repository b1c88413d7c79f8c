package io.canary2k8s.oracle.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.oracle.router.TraefikRule.Request;
import org.junit.jupiter.api.Test;

class TraefikRuleTest {
  static boolean http(String rule, String host, String path) {
    return TraefikRule.http(rule).matches(Request.http(host, path, false));
  }

  @Test
  void andBindsTighterThanOr() {
    String rule = "Host(`a.test`) || Host(`b.test`) && PathPrefix(`/api`)";
    assertThat(http(rule, "a.test", "/")).isTrue();
    assertThat(http(rule, "b.test", "/")).isFalse();
    assertThat(http(rule, "b.test", "/api/x")).isTrue();
    String grouped = "(Host(`a.test`) || Host(`b.test`)) && PathPrefix(`/api`)";
    assertThat(http(grouped, "a.test", "/")).isFalse();
  }

  @Test
  void negationQuotesAndCase() {
    assertThat(http("!Path(\"/x\") && Host(`A.Test`)", "a.test", "/y")).isTrue();
    assertThat(http("!Path(\"/x\")", "a.test", "/x")).isFalse();
  }

  @Test
  void pathMatchersArePrefixExactAndUnanchoredRegexp() {
    assertThat(http("PathPrefix(`/api/`)", "h", "/api")).isFalse();
    assertThat(http("PathPrefix(`/api`)", "h", "/apix")).isTrue();
    assertThat(http("Path(`/api`)", "h", "/api/")).isFalse();
    assertThat(http("PathRegexp(`v[0-9]`)", "h", "/x/v2/y")).isTrue();
    assertThat(http("PathRegexp(`^/v[0-9]$`)", "h", "/x/v2/y")).isFalse();
  }

  @Test
  void hostRegexpMatchesAnywhereUnlessAnchored() {
    assertThat(http("HostRegexp(`example\\.com`)", "www.example.com.evil", "/")).isTrue();
    assertThat(http("HostRegexp(`^.+\\.example\\.com$`)", "a.b.example.com", "/")).isTrue();
    assertThat(http("HostRegexp(`^.+\\.example\\.com$`)", "example.com", "/")).isFalse();
  }

  @Test
  void defaultPriorityIsTheRuleLength() {
    assertThat(TraefikRule.http("Host(`www.example.com`)").defaultPriority()).isEqualTo(23);
    assertThat(TraefikRule.http("HostRegexp(`^.+\\.example\\.com$`)").defaultPriority())
        .isEqualTo(32);
  }

  @Test
  void tcpHostSniStarMatchesPlainConnections() {
    assertThat(TraefikRule.tcp("HostSNI(`*`)").matches(Request.tcp(null))).isTrue();
    assertThat(TraefikRule.tcp("HostSNI(`db.test`)").matches(Request.tcp(null))).isFalse();
    assertThat(TraefikRule.tcp("HostSNI(`db.test`)").matches(Request.tcp("DB.test"))).isTrue();
  }

  @Test
  void v2SyntaxAndUnknownMatchersAreRejected() {
    assertThatThrownBy(() -> TraefikRule.http("Host(`a`, `b`)"))
        .hasMessageContaining("takes 1 argument");
    assertThatThrownBy(() -> TraefikRule.http("Hots(`a`)")).hasMessageContaining("unknown");
    assertThatThrownBy(() -> TraefikRule.http("Host(`a`) &&"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
