package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.split.Fraction;
import io.canary2k8s.text.Escape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MdTest {
  private static final Parser GFM =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  /** What a hostile name is made of: Markdown, HTML, Mermaid, controls, bidi, invisibles. */
  private static final String[] ALPHABET = {
    "a",
    "é",
    "☃",
    " ",
    "|",
    "\\",
    "`",
    "``",
    "*",
    "_",
    "[",
    "]",
    "]]",
    "<",
    ">",
    "&",
    "~",
    "$",
    "@",
    "#",
    "!",
    "(",
    ")",
    "\"",
    "'",
    "-",
    ".",
    ":",
    "\n",
    "\r",
    "\t",
    "\u001b[2J",
    "\u0085",
    "\u009b",
    "\u007f",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "<script>",
    "&lt;",
    "%%",
    "-->",
    "\ud83d\ude80"
  };

  private static String hostile(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int n = 1 + r.nextInt(10); n > 0; n--) {
      sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /**
   * A CommonMark renderer with GFM tables reads every escaped form back as the name (its hidden
   * characters as visible escapes): a table row keeps its cells, a code span its text, running text
   * its characters, with no markup, HTML or entity in between.
   */
  @Test
  void aRendererReadsBackEveryEscapedName() {
    for (int seed = 0; seed < 5_000; seed++) {
      String s = hostile(new Random(seed));
      String shown = Escape.visible(s);
      String doc =
          "| A | B | C |\n|---|---|---|\n| x | "
              + Md.cell(s)
              + " | "
              + Md.cellCode(s)
              + " |\n\nq "
              + Md.text(s)
              + " r "
              + Md.code(s)
              + "\n";
      Node root = GFM.parse(doc);
      TableBlock table = (TableBlock) root.getFirstChild();
      Node row = table.getLastChild().getFirstChild();
      List<Node> cells = children(row);
      assertThat(cells).as("case %d: %s", seed, doc).hasSize(3);
      assertThat(plain(cells.get(1))).as("case %d: %s", seed, doc).isEqualTo(shown.strip());
      assertThat(plain(cells.get(2))).as("case %d: %s", seed, doc).isEqualTo(shown);
      assertThat(children(cells.get(2))).as("case %d: %s", seed, doc).hasSize(1);
      Paragraph p = (Paragraph) table.getNext();
      assertThat(plain(p)).as("case %d: %s", seed, doc).isEqualTo("q " + shown + " r " + shown);
      assertThat(p.getNext()).isNull();
    }
  }

  private static List<Node> children(Node n) {
    List<Node> out = new ArrayList<>();
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      out.add(c);
    }
    return out;
  }

  /** The text of inline content made only of text and code spans (anything else fails). */
  private static String plain(Node n) {
    StringBuilder sb = new StringBuilder();
    for (Node c : children(n)) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (c instanceof Code code) {
        sb.append(code.getLiteral());
      } else {
        throw new AssertionError("markup in escaped text: " + c);
      }
    }
    return sb.toString();
  }

  @Test
  void escapedFormsHoldNoHiddenCharacter() {
    for (int seed = 0; seed < 2_000; seed++) {
      String s = hostile(new Random(seed));
      for (String out :
          List.of(Md.text(s), Md.cell(s), Md.code(s), Md.cellCode(s), Md.mermaid(s))) {
        out.codePoints()
            .forEach(cp -> assertThat(Escape.isHidden(cp)).as("%s: U+%04X", out, cp).isFalse());
      }
    }
  }

  @Test
  void nameWithNothingToEscapeIsKept() {
    String s = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/web";
    assertThat(Md.cell(s)).isSameAs(s);
    assertThat(Md.code("my-app")).isEqualTo("`my-app`");
    assertThat(Md.code("a`b")).isEqualTo("``a`b``");
    assertThat(Md.code("`a")).isEqualTo("`` `a ``");
    assertThat(Md.cellCode("a|b")).isEqualTo("`a\\|b`");
    assertThat(Md.text("a|b*c<d")).isEqualTo("a\\|b\\*c\\<d");
  }

  /**
   * A Mermaid label holds no quote, no HTML, no backtick and no line end, and every {@code #}
   * starts one of Mermaid's entity codes; the parser itself checks every diagram of the reports
   * (the cli's ReportsTest).
   */
  @Test
  void mermaidLabelsAreEntityCodedWhereMermaidReadsMarkup() {
    assertThat(Md.mermaid("a\"b<c>&d`e#f\ng"))
        .isEqualTo("a#quot;b#lt;c#gt;#amp;d#96;e#35;f\\u000ag");
    for (int seed = 0; seed < 2_000; seed++) {
      String out = Md.mermaid(hostile(new Random(seed)));
      assertThat(out).doesNotContain("\"", "<", ">", "&", "`", "\n");
      assertThat(out.replaceAll("#(quot|lt|gt|amp|96|35);", "")).doesNotContain("#");
    }
  }

  /** The reference count: an exact division, the ratio when it does not terminate. */
  private static String referenceCount(Fraction f) {
    BigDecimal n = new BigDecimal(f.numerator());
    BigDecimal d = new BigDecimal(f.denominator());
    try {
      BigDecimal q = n.divide(d).stripTrailingZeros();
      if (q.scale() <= 3) {
        return q.scale() < 0 ? q.setScale(0).toPlainString() : q.toPlainString();
      }
    } catch (ArithmeticException nonTerminating) {
      // the ratio
    }
    return f.numerator() + "/" + f.denominator();
  }

  @Test
  void countIsTheExactDivisionWhenItTerminatesWithinThreeDecimals() {
    for (long d = 1; d <= 2_100; d++) {
      for (long n : new long[] {0, 1, 2, 3, 7, 10, 99, 1000, 4_096, 123_457}) {
        Fraction f = Fraction.of(n, d);
        assertThat(Md.count(f)).as("%d/%d", n, d).isEqualTo(referenceCount(f));
      }
    }
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      Fraction f = Fraction.of(r.nextInt(1_000_000), 1 + r.nextInt(r.nextBoolean() ? 20 : 100_000));
      assertThat(Md.count(f)).as("%s", f).isEqualTo(referenceCount(f));
    }
    assertThat(Md.count(Fraction.of(9, 2))).isEqualTo("4.5");
    assertThat(Md.count(Fraction.of(10, 3))).isEqualTo("10/3");
    assertThat(Md.count(Fraction.of(1, 16))).isEqualTo("1/16"); // 0.0625: four decimals
    assertThat(Md.count(Fraction.of(3000, 8))).isEqualTo("375");
    assertThat(Md.count(Fraction.ZERO)).isEqualTo("0");
  }

  /** A link to a path made of a hostile name is one link, to exactly that path. */
  @Test
  void hrefKeepsEveryNameOneLinkToItself() {
    Random random = new Random(11);
    for (int i = 0; i < 500; i++) {
      StringBuilder name = new StringBuilder();
      for (int j = random.nextInt(6) + 1; j > 0; j--) {
        name.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      String path = name + "/README.md";
      Node doc = GFM.parse("see [page](" + Md.href(path) + ") here\n");
      Node link = doc.getFirstChild().getFirstChild().getNext();
      assertThat(link).as(path).isInstanceOf(org.commonmark.node.Link.class);
      String destination = ((org.commonmark.node.Link) link).getDestination();
      assertThat(
              java.net.URLDecoder.decode(
                  destination.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
          .as(path)
          .isEqualTo(path);
    }
    assertThat(Md.href("Z0417932KX4V6BZ2M5QGH/README.md"))
        .isEqualTo("Z0417932KX4V6BZ2M5QGH/README.md");
    assertThat(Md.href("a b(c)/é.md")).isEqualTo("a%20b%28c%29/%C3%A9.md");
  }
}
