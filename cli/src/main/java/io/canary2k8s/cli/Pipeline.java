package io.canary2k8s.cli;

import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.inventory.InventoryRedaction;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Severity;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.render.BundleSink;
import io.canary2k8s.render.RenderOptions;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import java.nio.file.Path;

/** The stages chained the same way by every command: read, translate, check, build. */
final class Pipeline {
  private Pipeline() {}

  /**
   * The inventory in {@code file}, with its secrets redacted (a file written by hand may hold
   * some).
   */
  static Inventory readInventory(Path file, ProgressLine progress) {
    progress.stage("reading " + file, null, null);
    return InventoryRedaction.redact(InventoryJson.read(file));
  }

  static Translation translate(
      Inventory inventory, TranslateOptions t, Notes notes, ProgressLine progress) {
    var options = t.planOptions();
    var emitter = t.emitter();
    return Translator.translate(
        inventory, options, emitter, notes, progress.stage("translating", "apps"));
  }

  /** A bundle of {@code inventory} into {@code sink}, started before its translation is made. */
  static BundleBuilder.Started start(Inventory inventory, RenderOptions options, BundleSink sink) {
    return BundleBuilder.start(inventory, options, sink);
  }

  /** Fails (exit 3) when the notes forbid writing: errors, or action items under --strict. */
  static void check(Notes notes, BundleOptions b) {
    long errors = notes.count(Severity.ERROR);
    long actions = notes.count(Severity.ACTION);
    if (errors > 0 && !b.allowErrors) {
      throw new TranslationFailed(
          errors
              + " error"
              + (errors == 1 ? "" : "s")
              + " found; nothing written (--allow-errors writes anyway)");
    }
    if (b.strict && actions > 0) {
      throw new TranslationFailed(
          actions
              + " action item"
              + (actions == 1 ? "" : "s")
              + " under --strict; nothing written");
    }
  }
}
