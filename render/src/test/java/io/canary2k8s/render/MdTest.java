package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MdTest {
  /** The escaping as first written, four passes over the text. */
  private static String reference(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
  }

  @Test
  void cellEscapesAsTheFourReplacements() {
    String alphabet = "ab|\\\n<>&; é→";
    for (int seed = 0; seed < 20_000; seed++) {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      for (int n = r.nextInt(12); n > 0; n--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertThat(Md.cell(s)).as("case %d: %s", seed, s).isEqualTo(reference(s));
    }
  }

  @Test
  void cellKeepsTextWithNothingToEscape() {
    String s = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/web";
    assertThat(Md.cell(s)).isSameAs(s);
    assertThat(Md.cell("a|b\\c\nd<e")).isEqualTo("a\\|b\\\\c d&lt;e");
  }
}
