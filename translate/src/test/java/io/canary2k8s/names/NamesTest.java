package io.canary2k8s.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.testing.Seeded;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void validNamesAreKept() {
    assertThat(Names.label("myapp-canary")).isEqualTo("myapp-canary");
  }

  @Test
  void invalidNamesAreSanitisedWithAStableHash() {
    String a = Names.label("MyApp_Prod");
    assertThat(a).startsWith("myapp-prod-").hasSize("myapp-prod-".length() + 8);
    assertThat(Names.label("MyApp_Prod")).isEqualTo(a);
    assertThat(Names.label("myapp.prod")).isNotEqualTo(a);
    assertThat(Names.label("../../etc/passwd")).matches("etc-passwd-[0-9a-f]{8}");
    assertThat(Names.label("42-team")).matches("team-[0-9a-f]{8}");
    assertThat(Names.label("日本語")).matches("x-[0-9a-f]{8}");
    assertThat(Names.label("a".repeat(300))).hasSize(63);
  }

  @Test
  void propertyEveryLabelIsValidAndDistinctInputsStayDistinct() {
    String alphabet = "abcXYZ019-_./ ü*\\";
    Seeded.forAll(
        "labels are valid",
        2000,
        rnd -> {
          Map<String, String> seen = new HashMap<>();
          for (int i = 0; i < 20; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(rnd.nextBoolean() ? 12 : 300);
            for (int k = 0; k < n; k++) {
              sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String raw = sb.toString();
            String label = Names.label(raw);
            assertThat(label).matches(Names.RFC1035_LABEL).hasSizeLessThanOrEqualTo(63);
            String before = seen.put(label, raw);
            assertThat(before == null || before.equals(raw))
                .as("%s and %s both give %s", before, raw, label)
                .isTrue();
          }
        });
  }

  @Test
  void accentsAreDroppedNotTheLetters() {
    assertThat(Names.label("Shop..Front Ünïcode")).matches("shop-front-unicode-[0-9a-f]{8}");
    assertThat(Names.label("ＦＵＬＬ")).matches("full-[0-9a-f]{8}");
  }

  @Test
  void onlyRfc1123HostsMayReachARoutingRule() {
    assertThat(Names.isHost("shop.example.com")).isTrue();
    assertThat(Names.isHost("*.shop.example.com")).isTrue();
    assertThat(Names.isHost("a-b.c1.example")).isTrue();
    assertThat(Names.isHost("_internal.example.com")).isFalse();
    assertThat(Names.isHost("evil`) || pathprefix(`.example.com")).isFalse();
    assertThat(Names.isHost("shop..example.com")).isFalse();
    assertThat(Names.isHost("-shop.example.com")).isFalse();
    assertThat(Names.isHost("shop.*.example.com")).isFalse();
    assertThat(Names.isHost("Shop.example.com")).as("callers pass normalised names").isFalse();
    assertThat(Names.isHost("a".repeat(64) + ".com")).isFalse();
    assertThat(Names.isHost(("a".repeat(63) + ".").repeat(4) + "com")).isFalse();
  }

  /** The checks are written out for speed; they decide exactly as the regular expressions. */
  @Test
  void labelAndHostChecksDecideAsTheirPatterns() {
    java.util.regex.Pattern host =
        java.util.regex.Pattern.compile(
            "(\\*\\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");
    String alphabet = "abz09-.*A_";
    Seeded.forAll(
        "label and host checks = patterns",
        20_000,
        rnd -> {
          StringBuilder sb = new StringBuilder();
          int n = rnd.nextInt(4) == 0 ? rnd.nextInt(140) : rnd.nextInt(10);
          for (int k = 0; k < n; k++) {
            // long runs of one character reach the 63-character limits
            char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
            int run = rnd.nextInt(8) == 0 ? rnd.nextInt(70) : 1;
            sb.append(String.valueOf(c).repeat(run));
          }
          String s = sb.toString();
          assertThat(Names.isLabel(s))
              .as("isLabel(%s)", s)
              .isEqualTo(Names.RFC1035_LABEL.matcher(s).matches());
          assertThat(Names.isHost(s))
              .as("isHost(%s)", s)
              .isEqualTo(s.length() <= 253 && host.matcher(s).matches());
        });
  }

  @Test
  void hashIsTheStartOfSha256() throws Exception {
    byte[] d =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("MyApp_Prod".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(Names.hash("MyApp_Prod"))
        .isEqualTo(java.util.HexFormat.of().formatHex(d).substring(0, 8));
  }

  @Test
  void printableEscapesWhatCouldBreakAReport() {
    assertThat(Names.printable("evil`) x.com")).isEqualTo("evil\\140)\\040x.com");
    assertThat(Names.printable("a\\b☃")).isEqualTo("a\\134b\\u2603");
  }
}
