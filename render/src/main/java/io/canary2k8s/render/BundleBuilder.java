package io.canary2k8s.render;

import io.canary2k8s.concurrent.Futures;
import io.canary2k8s.concurrent.InOrder;
import io.canary2k8s.input.Json;
import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.render.diff.DiffMarkdown;
import io.canary2k8s.render.diff.DiffReport;
import io.canary2k8s.render.diff.Differ;
import io.canary2k8s.render.diff.Documents;
import io.canary2k8s.render.diff.NoteChanges;
import io.canary2k8s.render.dns.DnsCutover;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.yaml.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The façade of the render stage: a translation and its notes → the files of the bundle
 * (docs/design.md, "Bundle layout"): base/, overlays/, dns/ (the Route53 cutover batches),
 * REVIEW.md, notes, the inventory, and with a previous bundle DIFF.md and diff.json. Every byte is
 * a function of the input and the options.
 *
 * <p>The files go to a {@link BundleSink} as they are made, app by app: a 10,000-app bundle is 350
 * MB of text, written while the next apps are made rather than held whole. REVIEW.md and notes.json
 * come last, once every note is in.
 */
public final class BundleBuilder {
  private BundleBuilder() {}

  /** What a build put into its sink. {@code diffHeadline} is DIFF.md's first heading, or null. */
  public record Rendered(int objects, int files, String diffHeadline) {}

  /** The whole bundle in memory (tests; small estates). */
  public static Bundle build(
      Translation tr, Inventory inventory, Notes notes, RenderOptions options) {
    Map<String, String> files = Collections.synchronizedMap(new TreeMap<>());
    build(tr, inventory, notes, options, files::put);
    return new Bundle(files);
  }

  /** {@link #start} and {@link Started#build} at once. */
  public static Rendered build(
      Translation tr, Inventory inventory, Notes notes, RenderOptions options, BundleSink sink) {
    try (Started started = start(inventory, options, sink)) {
      return started.build(tr, notes);
    }
  }

  /**
   * Starts a bundle of {@code inventory} before its translation is made: inventory.json (62 MB at
   * 10,000 apps) needs only the inventory, so it is written from now on, on another core, while the
   * caller makes the plan, whose first part (the graph and the app names) runs on one core. {@link
   * Started#build} makes the rest; closing waits for what is still being written, so that nothing
   * writes into {@code sink} once the caller has a failure.
   */
  public static Started start(Inventory inventory, RenderOptions options, BundleSink sink) {
    return new Started(inventory, options, new Guarded(sink, options.previous() != null));
  }

  /** A bundle whose inventory.json is being written; {@link #build} once. */
  public static final class Started implements AutoCloseable {
    private final Inventory inventory;
    private final RenderOptions options;
    private final Guarded files;
    private final CompletableFuture<Void> inventoryFile;

    private Started(Inventory inventory, RenderOptions options, Guarded files) {
      this.inventory = inventory;
      this.options = options;
      this.files = files;
      this.inventoryFile =
          CompletableFuture.runAsync(
              () ->
                  files.write(BundleLayout.INVENTORY, out -> InventoryJson.write(inventory, out)));
    }

    /** The rest of the bundle: {@code tr} must be the translation of this inventory. */
    public Rendered build(Translation tr, Notes notes) {
      // what depends on the plan or the inventory only is made on another core while the apps'
      // files are written: the overlays, the DNS batches, the review's per-app part (each writes
      // its own files: the DNS batches are 69 MB at 10,000 apps, not held till the end)
      CompletableFuture<Void> overlays =
          CompletableFuture.runAsync(
              () ->
                  Overlays.build(
                          tr.plan(), tr.target(), options.steps(), notes.scoped("render/overlays"))
                      .forEach((step, k) -> files.put(BundleLayout.overlay(step), Yaml.dump(k))));
      CompletableFuture<Void> dns =
          CompletableFuture.runAsync(
              () ->
                  DnsCutover.files(tr.plan(), inventory, options.edge(), notes.scoped("render/dns"))
                      .forEach(files::put));
      CompletableFuture<ReviewModel.PlanView> view =
          CompletableFuture.supplyAsync(() -> ReviewModel.planView(tr, options));
      Map<String, AutoScalingGroup> groups = ReviewModel.groups(inventory);
      CompletableFuture<Void> notesFile = CompletableFuture.completedFuture(null);
      CompletableFuture<Void> kustomization = CompletableFuture.completedFuture(null);
      // the review's lists, written as pages where they are long
      CompletableFuture<String> appsIndex = CompletableFuture.completedFuture(null);
      CompletableFuture<String> actionsIndex = CompletableFuture.completedFuture(null);
      CompletableFuture<String> notesIndex = CompletableFuture.completedFuture(null);
      try {
        List<ObjectEntry> objects = new ArrayList<>();
        List<ObjectEntry> shared = files.objects(tr.shared());
        objects.addAll(shared);
        List<String> appRows = new ArrayList<>(tr.plan().apps().size());
        // serialising and writing is most of the render stage and each app is independent: every
        // core makes and writes apps' files (creating 100,000 files is seconds of system time,
        // which the cores share), the app's page of the review with them; their entries and
        // index rows come back in order
        InOrder.forEach(
            tr.plan().apps(),
            app -> {
              List<ObjectEntry> entries = files.objects(tr.appObjects(app));
              AppPage.Made page = AppPage.make(app, tr.target(), groups, options.steps(), entries);
              files.put(page.file(), page.text());
              return new AppDone(entries, page.indexRow());
            },
            done -> {
              objects.addAll(done.entries());
              appRows.add(done.indexRow());
            });
        objects.sort(ObjectEntry.ORDER);
        // the tail, on both cores: what needs only the objects is made on another core while this
        // one completes the notes and then writes what needs them
        List<String> resources = objects.stream().map(ObjectEntry::file).toList();
        kustomization =
            CompletableFuture.runAsync(
                () ->
                    files.put(
                        BundleLayout.BASE + "/" + BundleLayout.KUSTOMIZATION,
                        Yaml.dump(Kustomization.of(resources, List.of()))));
        appsIndex =
            CompletableFuture.supplyAsync(
                () -> ReviewModel.apps(tr.plan().apps(), appRows, files::put));
        Futures.join(overlays);
        Futures.join(dns); // every note is in
        String diffHeadline = null;
        if (options.previous() != null) {
          Futures.join(kustomization); // base/ whole
          DiffReport diff =
              Differ.diff(
                  options.previous(),
                  Documents.ofBundle(files.base),
                  "previous bundle",
                  "this bundle");
          if (options.previousNotes() != null) {
            diff = diff.withNotes(NoteChanges.compare(options.previousNotes(), notes.sorted()));
          }
          String markdown =
              DiffMarkdown.render(
                  diff,
                  DiffMarkdown.DEFAULT_MAX_CHARS,
                  "`" + BundleLayout.DIFF_JSON + "` in this bundle");
          files.put(BundleLayout.DIFF_JSON, diff.toJson());
          files.put(BundleLayout.DIFF, markdown);
          diffHeadline = markdown.lines().filter(l -> l.startsWith("## ")).findFirst().orElse("");
        }
        // every note is in by now; notes.json and REVIEW.md read the same sorted list (the two
        // largest files with inventory.json: written through, never held whole)
        List<Note> sorted = notes.sorted();
        notesFile =
            CompletableFuture.runAsync(
                () ->
                    files.write(
                        BundleLayout.NOTES, out -> Json.write(Map.of("notes", sorted), out)));
        // the notes' parts of the review (in REVIEW.md, or on pages when long) are made on other
        // cores beside notes.json, and the index waits for them where it places them
        actionsIndex = CompletableFuture.supplyAsync(() -> ReviewModel.actions(sorted, files::put));
        notesIndex = CompletableFuture.supplyAsync(() -> ReviewModel.notes(sorted, files::put));
        ReviewModel.Ahead ahead = new ReviewModel.Ahead(actionsIndex, appsIndex, notesIndex);
        Map<String, Object> review =
            ReviewModel.build(
                tr,
                Futures.join(view),
                shared,
                objects.size(),
                ReviewModel.counts(sorted),
                ahead,
                inventory,
                options);
        String index = Review.render("review.md.ftl", review);
        files.put(BundleLayout.REVIEW, index);
        Futures.join(kustomization);
        Futures.join(notesFile);
        Futures.join(inventoryFile);
        return new Rendered(objects.size(), files.count(), diffHeadline);
      } catch (RuntimeException | Error e) {
        // nothing may write into the sink once the caller has the failure (and cleans up)
        for (CompletableFuture<?> f :
            List.of(
                overlays,
                dns,
                view,
                inventoryFile,
                notesFile,
                kustomization,
                appsIndex,
                actionsIndex,
                notesIndex)) {
          f.exceptionally(x -> null).join();
        }
        throw e;
      }
    }

    /**
     * Waits for inventory.json (its failure, if {@link #build} was not reached, is the caller's
     * least problem).
     */
    @Override
    public void close() {
      inventoryFile.exceptionally(x -> null).join();
    }
  }

  /** What an app's worker hands back, in plan order: its objects' entries and its index row. */
  private record AppDone(List<ObjectEntry> entries, String indexRow) {}

  /** The sink, guarded: each path once; base/ kept in memory only when a diff needs it. */
  private static final class Guarded {
    final BundleSink sink;

    /** Claimed from both cores at once, 104,000 paths for 10,000 apps: no lock of its own. */
    final Set<String> paths = ConcurrentHashMap.newKeySet(1 << 12);

    final Map<String, String> base;

    Guarded(BundleSink sink, boolean keepBase) {
      this.sink = sink;
      this.base = keepBase ? new TreeMap<>() : null;
    }

    /** Each object's YAML into its file under base/; their entries. From any thread. */
    List<ObjectEntry> objects(List<HasMetadata> objects) {
      List<ObjectEntry> out = new ArrayList<>(objects.size());
      for (HasMetadata o : objects) {
        ObjectEntry entry = ObjectEntry.of(o);
        String path = BundleLayout.BASE + "/" + entry.file();
        if (!claim(path)) {
          throw new IllegalStateException("two objects map to the file " + entry.file());
        }
        String yaml = Yaml.dump(o);
        keep(path, yaml);
        sink.put(path, yaml);
        out.add(entry);
      }
      return out;
    }

    void put(String path, String content) {
      if (!claim(path)) {
        throw new IllegalStateException("two files at " + path);
      }
      keep(path, content);
      sink.put(path, content);
    }

    /** From any thread. */
    void write(String path, BundleSink.Body body) {
      if (!claim(path)) {
        throw new IllegalStateException("two files at " + path);
      }
      sink.write(path, body);
    }

    private boolean claim(String path) {
      return paths.add(path);
    }

    int count() {
      return paths.size();
    }

    /** From any thread. */
    private synchronized void keep(String path, String content) {
      if (base != null && path.startsWith(BundleLayout.BASE + "/")) {
        base.put(path, content);
      }
    }
  }
}
