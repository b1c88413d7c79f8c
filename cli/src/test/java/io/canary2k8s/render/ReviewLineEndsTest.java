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

  /**
   * A report put together from text and {@link Review.Piece}s made ahead is the same text as the
   * whole written at once: pieces that start with a line end, or end inside one, or hold only line
   * ends, next to runs of line ends and lone {@code \r} on both sides; into a writer, and as UTF-8
   * into a stream.
   */
  @Test
  void piecesMadeAheadGiveTheSameText() throws IOException {
    Random r = new Random(7);
    char[] alphabet = {'\r', '\n', 'a', '→', 'Σ'};
    int made = 0;
    for (int round = 0; round < 20_000; round++) {
      StringBuilder whole = new StringBuilder();
      java.util.List<Object> parts = new java.util.ArrayList<>();
      for (int k = r.nextInt(6); k >= 0; k--) {
        StringBuilder sb = new StringBuilder();
        for (int c = r.nextInt(round % 50 == 0 ? 20_000 : 10); c > 0; c--) {
          int a = r.nextInt(alphabet.length + 3);
          sb.append(a < alphabet.length ? alphabet[a] : 'b');
        }
        String part = sb.toString();
        whole.append(part);
        if (r.nextBoolean()) {
          Review.Piece piece = Review.Piece.of(part);
          assertThat(piece.toString()).isEqualTo(Review.Piece.of(part).toString());
          parts.add(piece);
          made++;
        } else {
          parts.add(part);
        }
      }
      String want = reference(whole.toString());
      StringWriter text = new StringWriter();
      Review.LineEnds w = new Review.LineEnds(text);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      Review.LineEnds b = Review.LineEnds.utf8(bytes);
      for (Object part : parts) {
        if (part instanceof Review.Piece piece) {
          w.write(piece);
          b.write(piece);
        } else {
          w.write((String) part);
          b.write((String) part);
        }
      }
      w.finish();
      b.finish();
      String shown = whole.toString().replace("\r", "\\r").replace("\n", "\\n");
      assertThat(text.toString()).as("into a writer: %s", shown).isEqualTo(want);
      assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
          .as("as UTF-8: %s", shown)
          .isEqualTo(want);
    }
    assertThat(made).isGreaterThan(20_000);
  }

  /**
   * A piece of several MB (a 10,000-app report's notes tables are 18 MB) is held in chunks that
   * double up to 1 MB: written into a report, it is the same text as written directly, wherever the
   * chunk ends fall (in the middle of a multi-byte character too).
   */
  @Test
  void largePiecesAcrossChunks() throws IOException {
    Random r = new Random(11);
    char[] alphabet = {'\n', 'a', '→', 'Σ', 'b', 'c', ' '};
    for (int size : new int[] {4095, 4096, 4097, 3 * 1024 * 1024 + 7}) {
      StringBuilder sb = new StringBuilder("x");
      while (sb.length() < size) {
        sb.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String part = sb.toString();
      Review.Piece piece = Review.Piece.of(part);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      Review.LineEnds b = Review.LineEnds.utf8(bytes);
      b.write("head\n");
      b.write(piece);
      b.write("tail");
      b.finish();
      assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
          .as("%d chars", size)
          .isEqualTo(reference("head\n" + part + "tail"));
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
