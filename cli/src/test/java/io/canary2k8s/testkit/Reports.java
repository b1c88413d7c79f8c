package io.canary2k8s.testkit;

import io.canary2k8s.text.Escape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Checks of the Markdown reports as a reader gets them: every table read by a CommonMark parser
 * with GFM tables (commonmark-java, which splits rows as GitHub's cmark-gfm does), every Mermaid
 * diagram by Mermaid's own parser ({@code tools/validate/mermaid.mjs}), and no character that hides
 * or moves text anywhere.
 */
public final class Reports {
  private static final Parser GFM =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final Pattern SUMMARY =
      Pattern.compile("(?m)^(\\d+) diagram\\(s\\) in (\\d+) file\\(s\\), (\\d+) failed$");

  private Reports() {}

  /**
   * Every row of every table of {@code markdown} has exactly its header's cells. The parser pads a
   * short row and drops a long row's excess cells, so each is read from the source: every cell the
   * parser made has text of its own in the row (none padded; the reports write no empty cell), and
   * after the last one the line holds only the closing pipe. (A row the header's size is taken as
   * the table's first row.) Returns the number of tables.
   */
  public static int checkTables(String name, String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<String> problems = new ArrayList<>();
    int[] tables = {0};
    GFM.parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(CustomBlock block) {
                if (block instanceof TableBlock table) {
                  tables[0]++;
                  check(table, lines, problems);
                }
                visitChildren(block);
              }
            });
    if (!problems.isEmpty()) {
      throw new AssertionError(
          name + ": " + problems.size() + " broken table row(s):\n" + String.join("\n", problems));
    }
    return tables[0];
  }

  private static void check(TableBlock table, String[] lines, List<String> problems) {
    List<TableRow> rows = new ArrayList<>();
    collectRows(table, rows);
    int header = -1;
    for (TableRow row : rows) {
      List<TableCell> cells = new ArrayList<>();
      for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
        cells.add((TableCell) c);
      }
      if (header < 0) {
        header = cells.size();
      }
      List<SourceSpan> rowSpans = row.getSourceSpans();
      if (rowSpans.isEmpty()) {
        problems.add("a row without source: " + row);
        continue;
      }
      String line = lines[rowSpans.get(0).getLineIndex()];
      // the cells with text of their own in the row, up to the first the parser padded
      int real = 0;
      int end = 0;
      for (TableCell cell : cells) {
        List<SourceSpan> spans = cell.getSourceSpans();
        if (spans.isEmpty() || spans.get(spans.size() - 1).getLength() == 0) {
          break;
        }
        SourceSpan last = spans.get(spans.size() - 1);
        end = last.getColumnIndex() + last.getLength();
        real++;
      }
      if (real != header) {
        problems.add(
            "line "
                + (rowSpans.get(0).getLineIndex() + 1)
                + ": "
                + real
                + " of "
                + header
                + " cells: "
                + line);
      } else if (!line.substring(end).matches("\\s*\\|?\\s*")) {
        problems.add(
            "line "
                + (rowSpans.get(0).getLineIndex() + 1)
                + ": more cells than the header's "
                + header
                + ": "
                + line);
      }
    }
  }

  private static void collectRows(Node n, List<TableRow> rows) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TableRow row) {
        rows.add(row);
      } else {
        collectRows(c, rows);
      }
    }
  }

  /** No character of {@link Escape#isHidden} in {@code text} but the line feed. */
  public static void checkNothingHidden(String name, String text) {
    int line = 1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == '\n') {
        line++;
      } else if (Escape.isHidden(cp)) {
        throw new AssertionError(
            String.format(
                java.util.Locale.ROOT,
                "%s: line %d: raw U+%04X in: %s",
                name,
                line,
                cp,
                Escape.visible(text.lines().skip(line - 1).findFirst().orElse(""))));
      }
      i += Character.charCount(cp);
    }
  }

  /**
   * Every Mermaid diagram of {@code files} parses with Mermaid's parser; returns how many there
   * were.
   */
  public static int checkMermaid(List<Path> files) {
    Path repo = Tools.repoDir();
    Path toolDir = repo.resolve("tools/validate");
    if (!Files.isDirectory(toolDir.resolve("node_modules/mermaid"))) {
      throw new AssertionError(
          "the Mermaid checker's dependencies are not installed ("
              + toolDir.resolve("node_modules/mermaid")
              + " is missing): run scripts/test or npm ci --prefix tools/validate");
    }
    Path node = Tools.onPath("node", "install Node.js 20 or newer");
    List<String> command =
        new ArrayList<>(List.of(node.toString(), toolDir.resolve("mermaid.mjs").toString()));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    Tools.Result result = Tools.run(command, repo, null, TIMEOUT);
    String output = (result.stdout() + result.stderr()).strip();
    Matcher m = SUMMARY.matcher(result.stdout());
    if (result.exitCode() != 0 || !m.find()) {
      throw new AssertionError(
          "Mermaid's parser rejected diagrams (exit " + result.exitCode() + "):\n" + output);
    }
    return Integer.parseInt(m.group(1));
  }
}
