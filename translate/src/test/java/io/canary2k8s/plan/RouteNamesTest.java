package io.canary2k8s.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteNamesTest {
  @Test
  void reserve_takesTheNameAndItsDerivedNames() {
    RouteNames names = new RouteNames();
    assertThat(names.reserve("web")).isTrue();
    assertThat(names.reserve("web")).isFalse();
    for (String suffix : RouteNames.DERIVED_SUFFIXES) {
      assertThat(names.reserve("web-" + suffix)).as(suffix).isFalse();
    }
    assertThat(names.reserve("web-2")).isTrue();
  }

  /** ELBs {@code web-https} and {@code web}: web's IngressRoute web-https would be taken. */
  @Test
  void reserve_aNameWhoseDerivedNameIsTaken_isNotFree() {
    RouteNames names = new RouteNames();
    assertThat(names.reserve("web-https")).isTrue();
    assertThat(names.reserve("web")).isFalse();
  }

  @Test
  void reserve_withAHash_whenTaken() {
    RouteNames names = new RouteNames();
    assertThat(names.reserve("web", "a,b")).isEqualTo("web");
    String second = names.reserve("web", "a,b");
    assertThat(second).matches("web-[0-9a-f]{4}");
    assertThat(names.reserve("web", "a,b")).matches("web-[0-9a-f]{4}-[0-9a-f]{4}");
    assertThat(names.reserve("web", "c")).isNotEqualTo(second);
  }
}
