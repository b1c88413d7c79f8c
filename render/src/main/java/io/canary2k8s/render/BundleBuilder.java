package io.canary2k8s.render;

import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.input.Json;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.render.diff.DiffMarkdown;
import io.canary2k8s.render.diff.DiffReport;
import io.canary2k8s.render.diff.Differ;
import io.canary2k8s.render.diff.Documents;
import io.canary2k8s.render.dns.DnsCutover;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.yaml.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The façade of the render stage: a translation and its notes → the whole bundle in memory
 * (DESIGN §1 layout): base/, overlays/, dns/ (the Route53 cutover batches), REVIEW.md, notes,
 * the inventory, and with a previous bundle DIFF.md and diff.json. Every byte is a function of
 * the input and the options.
 */
public final class BundleBuilder {
  private BundleBuilder() {}

  public static Bundle build(Translation tr, Inventory inventory, Notes notes, RenderOptions options) {
    // the inventory's JSON depends on nothing else: written on another core meanwhile
    CompletableFuture<String> inventoryJson = CompletableFuture.supplyAsync(() -> InventoryJson.write(inventory));
    Map<String, String> files = new TreeMap<>();
    List<String> resources = new ArrayList<>();
    // serialising is most of the render stage and each object is independent: every core
    List<String> yaml = tr.objects().parallelStream().map(Yaml::dump).toList();
    for (int i = 0; i < yaml.size(); i++) {
      String rel = BundleLayout.objectFile(tr.objects().get(i));
      if (files.put(BundleLayout.BASE + "/" + rel, yaml.get(i)) != null) {
        throw new IllegalStateException("two objects map to the file " + rel);
      }
      resources.add(rel);
    }
    files.put(BundleLayout.BASE + "/" + BundleLayout.KUSTOMIZATION, Yaml.dump(Kustomization.of(resources, List.of())));
    Overlays.build(tr.plan(), tr.target(), options.steps(), notes.scoped("render/overlays"))
        .forEach((step, k) -> files.put(BundleLayout.overlay(step), Yaml.dump(k)));
    files.putAll(DnsCutover.files(tr.plan(), inventory, options.edge(), notes.scoped("render/dns")));
    if (options.previous() != null) {
      DiffReport diff = Differ.diff(options.previous(), Documents.ofBundle(files), "previous bundle", "this bundle");
      files.put(BundleLayout.DIFF_JSON, diff.toJson());
      files.put(BundleLayout.DIFF, DiffMarkdown.render(diff, DiffMarkdown.DEFAULT_MAX_CHARS,
          "`" + BundleLayout.DIFF_JSON + "` in this bundle"));
    }
    // every note is in by now; notes.json and REVIEW.md read the same sorted list
    List<Note> sorted = notes.sorted();
    CompletableFuture<String> notesJson = CompletableFuture.supplyAsync(() -> Json.write(Map.of("notes", sorted)));
    files.put(BundleLayout.REVIEW, Review.render("review.md.ftl", ReviewModel.build(tr, inventory, sorted, options)));
    files.put(BundleLayout.NOTES, join(notesJson));
    files.put(BundleLayout.INVENTORY, join(inventoryJson));
    return new Bundle(files);
  }

  private static String join(CompletableFuture<String> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
