package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.render.Md;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code dns/README.md} is an index: the procedure once and a line per zone; each zone's records
 * and commands are on its own page beside its batches, and none is lost on the way.
 */
class DnsReadmeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theIndexLinksEveryZoneAndEachZonePageListsEveryRecordItsBatchesMove() throws IOException {
    int zones = 0;
    for (String sample : Samples.names()) {
      for (String target : Samples.TARGETS) {
        String at = sample + "/" + target;
        Map<String, String> files = BundleWriter.read(Samples.expected(sample, target));
        String index = files.get("dns/README.md");
        assertThat(index).as(at).isNotNull();
        Map<String, Integer> batches = new TreeMap<>();
        for (String f : files.keySet()) {
          String[] parts = f.split("/");
          if (parts[0].equals("dns") && parts.length == 3 && f.endsWith(".json")) {
            batches.merge(parts[1], 1, Integer::sum);
          }
        }
        // one page per zone directory, and no other
        Set<String> pages = new TreeSet<>();
        files.keySet().stream()
            .filter(f -> f.matches("dns/[^/]+/README\\.md"))
            .forEach(f -> pages.add(f.split("/")[1]));
        assertThat(pages).as(at).isEqualTo(batches.keySet());
        for (var e : batches.entrySet()) {
          String zone = e.getKey();
          String page = files.get("dns/" + zone + "/README.md");
          Set<String> moved = movedRecords(files.get("dns/" + zone + "/01-weight-10.json"));
          // the index: the zone's line, with its counts and the link to its page
          Matcher line =
              Pattern.compile(
                      "\\| [^|\\n]+ \\| "
                          + Pattern.quote(Md.cellCode(zone))
                          + " \\| (\\d+) \\| (\\d+) \\| \\d+ s \\| \\[README\\.md\\]\\("
                          + Pattern.quote(Md.href(zone + "/README.md"))
                          + "\\) \\|")
                  .matcher(index);
          assertThat(line.find()).as(at + " " + zone + "\n" + index).isTrue();
          assertThat(Integer.parseInt(line.group(1))).as(at).isEqualTo(moved.size());
          assertThat(Integer.parseInt(line.group(2))).as(at).isEqualTo(e.getValue());
          // the page: a row per record moved, and every batch of the zone named
          for (String record : moved) {
            assertThat(page).as(at).contains(record);
            assertThat(index).as(at).doesNotContain(record);
          }
          for (String f : files.keySet()) {
            if (f.startsWith("dns/" + zone + "/") && f.endsWith(".json")) {
              assertThat(page).as(at).contains("`" + f.substring(f.lastIndexOf('/') + 1) + "`");
            }
          }
          assertThat(page).as(at).contains("](../README.md)").contains("--hosted-zone-id " + zone);
          zones++;
        }
      }
    }
    assertThat(zones).isGreaterThan(20);
  }

  /** The rows the zone's page must hold: each record the first step deletes, name and type. */
  private static Set<String> movedRecords(String batch) throws IOException {
    Set<String> out = new TreeSet<>();
    for (JsonNode change : JSON.readTree(batch).get("Changes")) {
      if (change.get("Action").asText().equals("DELETE")) {
        JsonNode set = change.get("ResourceRecordSet");
        String name = set.get("Name").asText();
        out.add(
            "| "
                + Md.cellCode(name.substring(0, name.length() - 1))
                + " | "
                + Md.cell(set.get("Type").asText())
                + " |");
      }
    }
    return out;
  }
}
