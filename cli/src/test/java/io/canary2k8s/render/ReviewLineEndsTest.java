package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass line-end normalisation of the report and the file-by-file bundle comparison. */
class ReviewLineEndsTest {
  private static String reference(String s) {
    String out = s.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n");
    return out.endsWith("\n") ? out : out + "\n";
  }

  private static String oneScan(String s, Random r) throws IOException {
    StringWriter out = new StringWriter();
    Review.LineEnds w = new Review.LineEnds(out);
    int i = 0;
    while (i < s.length()) { // in pieces of random length, as FreeMarker writes
      int n = Math.min(s.length() - i, 1 + r.nextInt(r.nextBoolean() ? 4 : 12_000));
      int pick = r.nextInt(4);
      if (n == 1 && pick == 0) {
        w.write(s.charAt(i));
      } else if (pick == 1) {
        w.write(s.substring(i, i + n).toCharArray());
      } else {
        w.write(s, i, n);
      }
      i += n;
    }
    w.finish();
    return out.toString();
  }

  @Test
  void sameTextAsReplaceThenCollapse() throws IOException {
    Random r = new Random(42);
    char[] alphabet = {'\r', '\n', 'a', '→'};
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      // short texts, and every hundredth a long one with long runs (more than the writer's buffer)
      int length = round % 100 == 0 ? r.nextInt(30_000) : r.nextInt(12);
      int textWeight = round % 100 == 0 ? 400 : 1;
      for (int k = length; k > 0; k--) {
        int a = r.nextInt(alphabet.length + textWeight);
        sb.append(a < alphabet.length ? alphabet[a] : 'b');
      }
      String s = sb.toString();
      assertThat(oneScan(s, r))
          .as("input %s", s.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(reference(s));
    }
  }

  @Test
  void holdsMeansReadEquals(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("base"));
    Files.writeString(dir.resolve("REVIEW.md"), "a\n");
    Files.writeString(dir.resolve("base/x.yaml"), "x: 1\n");
    assertThat(BundleWriter.holds(dir, Map.of("REVIEW.md", "a\n", "base/x.yaml", "x: 1\n")))
        .isTrue();
    assertThat(BundleWriter.holds(dir, Map.of("REVIEW.md", "a\n", "base/x.yaml", "x: 2\n")))
        .isFalse();
    assertThat(BundleWriter.holds(dir, Map.of("REVIEW.md", "a\n"))).isFalse();
    assertThat(
            BundleWriter.holds(dir, Map.of("REVIEW.md", "a\n", "base/x.yaml", "x: 1\n", "y", "")))
        .isFalse();
  }
}
