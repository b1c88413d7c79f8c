package io.canary2k8s.cli;

import static io.canary2k8s.cli.PlantedSecrets.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.canary2k8s.cli.PlantedSecrets.Kind;
import io.canary2k8s.cli.PlantedSecrets.Place;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.input.InputException;
import io.canary2k8s.render.BundleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Secrets planted in every field that reaches an output leave none: each kind (an access key id, a
 * secret access key, a private key, a GitHub token, a Slack token, a {@code password=} pair) in
 * every string of a capture that discovery copies into the inventory, and in every string of an
 * inventory.json given to render and translate; discover, migrate, render (with {@code
 * --previous}), translate and diff then write none of them in any file, file name, stdout or
 * stderr, and each field that held one is named in a WARNING.
 */
class PlantedSecretsTest {
  /** The capture that fills every member AWS documents, in the discover module's tests. */
  static Path fullMembers() {
    return Path.of(
            System.getProperty(
                "full-members.dir",
                "../discover/src/test/resources/io/canary2k8s/discover/full-members"))
        .toAbsolutePath()
        .normalize();
  }

  /** Strings of 5 characters or more: shorter ones (a weight, "A", "true") occur everywhere. */
  static final int MIN_PLANTED = 5;

  /**
   * Fields the inventory keeps normalised (a listener's protocol is upper-cased): a planted
   * mixed-case secret is no longer that secret there, so no warning is due (the leak search still
   * covers the field).
   */
  static final Set<String> NORMALISED = Set.of("loadBalancersV2 listeners[].protocol");

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyStringACaptureHandsToTheInventory(Kind kind, @TempDir Path tmp) throws IOException {
    for (Path capture : List.of(fullMembers(), Samples.capture("alb-weighted"))) {
      plantCapture(kind, capture, tmp.resolve(capture.getParent().getFileName().toString()));
    }
  }

  private void plantCapture(Kind kind, Path capture, Path tmp) throws IOException {
    Path clean = tmp.resolve("clean");
    Cli cleanRun =
        Cli.run(
            "migrate",
            "--allow-errors",
            "--from-aws-cli",
            capture.toString(),
            "--out",
            clean.toString());
    assertThat(cleanRun.exit()).as(cleanRun.err()).isZero();
    JsonNode cleanInventory = JSON.readTree(clean.resolve("inventory.json").toFile());
    List<Place> places = PlantedSecrets.places(cleanInventory);

    // every string of the inventory that the capture holds, each as a distinct secret; a string
    // the capture reader checks against AWS's vocabulary (a protocol, a state) is refused with
    // exit 2 and one line that shows no secret, and then left as it was
    Map<String, String> plants = new TreeMap<>();
    Set<String> captureText = captureStrings(capture);
    for (Place p : places) {
      if (p.value().length() >= MIN_PLANTED
          && captureText.stream().anyMatch(s -> s.contains(p.value()))
          && !(kind.caseMatters() && lowerCasedByDiscovery(p))) {
        plants.computeIfAbsent(p.value(), v -> kind.make(plants.size() + 1));
      }
    }
    Path planted = tmp.resolve("planted");
    Set<String> refused = new TreeSet<>();
    for (int round = 0; ; round++) {
      assertThat(round).as("rounds of refused fields").isLessThan(60);
      deleteTree(planted);
      PlantedSecrets.copyEdited(capture, planted, PlantedSecrets.replacing(plants));
      try {
        CaptureReader.read(planted);
        break;
      } catch (InputException e) {
        Cli refusedRun = Cli.run("discover", "--from-aws-cli", planted.toString());
        assertThat(refusedRun.exit()).as(refusedRun.err()).isEqualTo(2);
        PlantedSecrets.assertQuiet(refusedRun, kind, plants.values());
        String original = culprit(e, planted, plants);
        refused.add(original);
        plants.remove(original);
      }
    }
    assertThat(plants).as("planted").hasSizeGreaterThan(refused.size());

    // in a directory of its own: the leak search below must not see the planted capture
    Path inventory = tmp.resolve("inventory/inventory.json");
    Files.createDirectories(inventory.getParent());
    Path viaMigrate = tmp.resolve("migrate");
    Path viaRender = tmp.resolve("render");
    List<Cli> runs = new ArrayList<>();
    runs.add(Cli.run("discover", "--from-aws-cli", planted.toString()));
    runs.add(Cli.run("discover", "--from-aws-cli", planted.toString(), "-o", inventory.toString()));
    runs.add(
        Cli.run(
            "migrate",
            "--from-aws-cli",
            planted.toString(),
            "--out",
            viaMigrate.toString(),
            "--allow-errors"));
    runs.add(
        Cli.run(
            "render",
            inventory.toString(),
            "--out",
            viaRender.toString(),
            "--previous",
            clean.toString(),
            "--allow-errors"));
    runs.add(Cli.run("translate", inventory.toString(), "--allow-errors"));
    runs.add(Cli.run("diff", clean.toString(), viaMigrate.toString()));
    for (Cli run : runs) {
      assertThat(run.exit()).as(run.err()).isIn(0, 1);
      PlantedSecrets.assertQuiet(run, kind, plants.values());
    }
    assertThat(
            PlantedSecrets.leaks(
                kind, plants.values(), viaMigrate, viaRender, inventory.getParent()))
        .isEmpty();
    assertThat(BundleWriter.read(viaRender)).containsKey("DIFF.md");

    // each field that held a planted value is named in a warning, where the inventory still has
    // it (a planted action or transform type is not one discovery knows: its details are not kept);
    // discovery's notes are made anew from the planted capture (the leak search covers them)
    Set<String> kept = new TreeSet<>();
    for (Place p :
        PlantedSecrets.places(JSON.readTree(viaMigrate.resolve("inventory.json").toFile()))) {
      kept.add(p.shape());
    }
    Set<String> expected = new TreeSet<>();
    for (Place p : places) {
      if (plants.keySet().stream().anyMatch(o -> p.value().contains(o))
          && kept.contains(p.shape())
          && !NORMALISED.contains(p.shape())
          && !p.component().equals("notes")) {
        expected.add(p.shape());
      }
    }
    assertThat(expected).as("fields planted").hasSizeGreaterThan(20);
    assertThat(PlantedSecrets.warnedShapes(viaMigrate.resolve("notes.json"))).containsAll(expected);
  }

  /** The line "wrote DIR: N app(s), N objects, N files" without its directory. */
  private static String summary(String err) {
    Matcher m = Pattern.compile(": (\\d+ app\\(s\\), \\d+ objects, \\d+ files)").matcher(err);
    assertThat(m.find()).as(err).isTrue();
    return m.group(1);
  }

  /** Record and zone names: discovery lower-cases them, which a secret key does not survive. */
  private static boolean lowerCasedByDiscovery(Place p) {
    return p.component().equals("dnsRecords") && p.field().equals("name")
        || p.component().equals("hostedZones") && p.field().equals("name");
  }

  /** The original of the planted value the capture reader refused. */
  private static String culprit(InputException e, Path planted, Map<String, String> plants)
      throws IOException {
    assertThat(e.field()).as(e.getMessage()).isNotNull();
    Path file = Path.of(e.file());
    if (!file.isAbsolute()) {
      file = planted.resolve(e.file());
    }
    JsonNode at = JSON.readTree(file.toFile());
    for (String part : e.field().split("\\.")) {
      Matcher m = Pattern.compile("([^\\[]*)((?:\\[\\d+\\])*)").matcher(part);
      assertThat(m.matches()).isTrue();
      if (!m.group(1).isEmpty()) {
        at = at.get(m.group(1));
      }
      Matcher idx = Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
      while (idx.find()) {
        at = at.get(Integer.parseInt(idx.group(1)));
      }
    }
    String value = at.asText();
    for (Map.Entry<String, String> p : plants.entrySet()) {
      if (value.contains(p.getValue())) {
        return p.getKey();
      }
    }
    throw new AssertionError("refused for no planted value: " + e.getMessage());
  }

  private static Set<String> captureStrings(Path capture) throws IOException {
    Set<String> out = new TreeSet<>();
    try (var s = Files.walk(capture)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        out.add(f.getFileName().toString());
        if (Files.isRegularFile(f)) {
          collect(JSON.readTree(f.toFile()), out);
        }
      }
    }
    return out;
  }

  private static void collect(JsonNode n, Set<String> out) {
    if (n.isTextual()) {
      out.add(n.asText());
    }
    n.forEach(c -> collect(c, out));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyStringOfAnInventoryGivenToRenderAndTranslate(Kind kind, @TempDir Path tmp)
      throws IOException {
    Path clean = tmp.resolve("clean");
    Cli cleanRun =
        Cli.run(
            "migrate",
            "--allow-errors",
            "--from-aws-cli",
            fullMembers().toString(),
            "--out",
            clean.toString());
    assertThat(cleanRun.exit()).as(cleanRun.err()).isZero();
    JsonNode tree = JSON.readTree(clean.resolve("inventory.json").toFile());
    // a secret of its own for each distinct string and map key, the discovery notes included;
    // the same string, the same secret, so that references between items still hold
    Map<String, String> made = new LinkedHashMap<>();
    Set<String> expected = new TreeSet<>();
    JsonNode plantedTree = plantEverywhere(tree, kind, made, "", null);
    List<String> planted = new ArrayList<>(made.values());
    for (Place p : PlantedSecrets.places(tree)) {
      expected.add(p.shape());
    }
    Path inventory = tmp.resolve("in/inventory.json");
    Files.createDirectories(inventory.getParent());
    Files.writeString(
        inventory, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plantedTree));
    assertThat(planted).hasSizeGreaterThan(50);

    Path out = tmp.resolve("out");
    Cli render = Cli.run("render", inventory.toString(), "--out", out.toString(), "--allow-errors");
    assertThat(render.exit()).as(render.err()).isZero();
    PlantedSecrets.assertQuiet(render, kind, planted);
    for (String target : Samples.TARGETS) {
      Cli translate =
          Cli.run("translate", inventory.toString(), "--target", target, "--allow-errors");
      assertThat(translate.exit()).as(translate.err()).isZero();
      PlantedSecrets.assertQuiet(translate, kind, planted);
    }
    assertThat(PlantedSecrets.leaks(kind, planted, out)).isEmpty();
    assertThat(PlantedSecrets.warnedShapes(out.resolve("notes.json"))).containsAll(expected);
  }

  /**
   * {@code node} with each string and map key replaced by its secret in {@code made} (original to
   * secret), made at its first sight.
   */
  private static JsonNode plantEverywhere(
      JsonNode node, Kind kind, Map<String, String> made, String name, String parent) {
    if (node.isTextual()) {
      if (PlantedSecrets.ENUMS.contains(name)) {
        return node;
      }
      return TextNode.valueOf(secretFor(node.asText(), kind, made));
    }
    if (node.isArray()) {
      var out = JSON.createArrayNode();
      node.forEach(n -> out.add(plantEverywhere(n, kind, made, name, parent)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      boolean map =
          PlantedSecrets.MAPS.contains(name)
              && (parent == null || !PlantedSecrets.MAPS.contains(parent));
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (map) {
          key = secretFor(key, kind, made);
        }
        out.set(
            key,
            plantEverywhere(e.getValue(), kind, made, map ? "" : e.getKey(), map ? name : null));
      }
      return out;
    }
    return node;
  }

  private static String secretFor(String original, Kind kind, Map<String, String> made) {
    return made.computeIfAbsent(original, o -> kind.make(made.size() + 1));
  }

  /**
   * Two Auto Scaling groups named by two different keys stay two tracks with names of their own,
   * and the bundle is the same on every run.
   */
  @Test
  void groupsNamedBySecretsStayApartAndTheBundleIsDeterministic(@TempDir Path tmp)
      throws IOException {
    Path capture = Samples.capture("razorpay-myapp");
    JsonNode groups =
        JSON.readTree(capture.resolve("autoscaling/describe-auto-scaling-groups.json").toFile());
    Map<String, String> plants = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    for (JsonNode g : groups.get("AutoScalingGroups")) {
      // the key replaces the app's part of the name; the track's part (-main, -canary) stays
      String name = g.get("AutoScalingGroupName").asText();
      keys.add(Kind.ACCESS_KEY_ID.make(keys.size() + 1));
      plants.put(name, name.replace("myapp", keys.get(keys.size() - 1)));
    }
    assertThat(plants).hasSize(2);
    // only where the groups' names are (an ELB and a DNS name share "myapp-canary")
    Path planted = tmp.resolve("planted");
    PlantedSecrets.copyEdited(capture, planted, s -> s);
    UnaryOperator<String> replace = PlantedSecrets.replacing(plants);
    for (String file :
        List.of(
            "autoscaling/describe-auto-scaling-groups.json",
            "autoscaling/describe-policies.json")) {
      Path f = planted.resolve(file);
      JsonNode doc = JSON.readTree(f.toFile());
      renameGroups(doc, replace);
      Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    }
    Path clean = tmp.resolve("clean");
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    Cli cleanRun =
        Cli.run(
            "migrate",
            "--allow-errors",
            "--from-aws-cli",
            capture.toString(),
            "--out",
            clean.toString());
    Cli one =
        Cli.run(
            "migrate",
            "--allow-errors",
            "--from-aws-cli",
            planted.toString(),
            "--out",
            first.toString());
    Cli two =
        Cli.run(
            "migrate",
            "--allow-errors",
            "--from-aws-cli",
            planted.toString(),
            "--out",
            second.toString());
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(two.exit()).as(two.err()).isZero();
    assertThat(BundleWriter.read(second)).isEqualTo(BundleWriter.read(first));
    assertThat(summary(one.err())).isEqualTo(summary(cleanRun.err()));
    assertThat(PlantedSecrets.leaks(Kind.ACCESS_KEY_ID, keys, first)).isEmpty();
    // the same objects and files, and the same weights, as the clean capture's
    Map<String, String> cleanFiles = BundleWriter.read(clean);
    Map<String, String> files = BundleWriter.read(first);
    assertThat(files.keySet()).isEqualTo(cleanFiles.keySet());
    for (String f : cleanFiles.keySet()) {
      if (f.contains("traefikservice-")) {
        assertThat(weights(files.get(f))).as(f).isEqualTo(weights(cleanFiles.get(f)));
      }
    }
  }

  private static List<String> weights(String yaml) {
    return yaml.lines().filter(l -> l.trim().startsWith("weight:")).toList();
  }

  /** The fields of an autoscaling response that hold a group's name, edited. */
  private static void renameGroups(JsonNode node, UnaryOperator<String> edit) {
    if (node instanceof ObjectNode o) {
      for (String field :
          List.of("AutoScalingGroupName", "AutoScalingGroupARN", "ResourceId", "PolicyARN")) {
        if (o.get(field) != null && o.get(field).isTextual()) {
          o.put(field, edit.apply(o.get(field).asText()));
        }
      }
    }
    node.forEach(c -> renameGroups(c, edit));
  }
}
