package io.canary2k8s.render.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YamlWalk finds what one Files.walk finds (links not followed), in the same order, with the sizes.
 */
class YamlWalkTest {
  private static final Predicate<String> YAML =
      n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml");

  @TempDir Path tmp;

  @Test
  void findsWhatOneWalkFindsInItsOrder() throws IOException {
    for (long seed = 0; seed < 40; seed++) {
      Random r = new Random(seed);
      Path root = Files.createDirectories(tmp.resolve("t" + seed));
      tree(root, r, 0);
      YamlWalk.Listing found = YamlWalk.under(root, root.toString(), YAML);
      assertThat(found.error()).isNull();
      assertThat(found.files()).as("seed %d", seed).isEqualTo(oneWalk(root));
    }
  }

  @Test
  void aLinkedRootIsOneEntryAndAnEmptyRootHoldsNothing() throws IOException {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Files.writeString(real.resolve("a.yaml"), "a: 1\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    assertThat(oneWalk(link)).isEmpty();
    assertThat(YamlWalk.under(link, "link", YAML)).isEqualTo(new YamlWalk.Listing(List.of(), null));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(YamlWalk.under(empty, "empty", YAML))
        .isEqualTo(new YamlWalk.Listing(List.of(), null));
  }

  /** Directories, YAML and other files, kustomizations, links to files and to directories. */
  private static void tree(Path dir, Random r, int depth) throws IOException {
    int n = r.nextInt(depth == 0 ? 12 : 6);
    for (int i = 0; i < n; i++) {
      String name = "e" + r.nextInt(1000) + "-" + i;
      switch (r.nextInt(depth > 2 ? 4 : 6)) {
        case 0 ->
            Files.writeString(
                dir.resolve(name + ".yaml"), "k: " + "v".repeat(r.nextInt(50)) + "\n");
        case 1 -> Files.writeString(dir.resolve(name + ".txt"), "x");
        case 2 -> Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\n");
        case 3 -> {
          Path target = Files.writeString(dir.resolve(name + "-target.yaml"), "t: 1\n");
          Files.createSymbolicLink(dir.resolve(name + "-link.yaml"), target);
        }
        case 4 -> {
          Path sub = Files.createDirectories(dir.resolve(name));
          tree(sub, r, depth + 1);
          if (r.nextInt(4) == 0) {
            Files.createSymbolicLink(dir.resolve(name + "-dirlink"), sub);
          }
        }
        default ->
            tree(
                Files.createDirectories(dir.resolve(name + ".yaml")),
                r,
                depth + 1); // a directory named .yaml
      }
    }
  }

  /** What Documents took before: one Files.walk, regular files (links not followed) by name. */
  private static List<YamlWalk.Found> oneWalk(Path root) throws IOException {
    List<YamlWalk.Found> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && YAML.test(p.getFileName().toString())) {
          out.add(new YamlWalk.Found(p, Files.size(p)));
        }
      }
    }
    return out;
  }
}
