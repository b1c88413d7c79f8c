package io.canary2k8s.cli;

import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.notes.Severity;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.render.BundleSink;
import io.canary2k8s.render.RenderOptions;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The stages chained the same way by every command: read, translate, check, build. */
final class Pipeline {
  private Pipeline() {}

  static Inventory readCapture(Path dir) {
    return CaptureReader.read(dir);
  }

  static Inventory readInventory(Path file) {
    return InventoryJson.read(file);
  }

  static Translation translate(Inventory inventory, TranslateOptions t, Notes notes) {
    return Translator.translate(inventory, t.planOptions(), t.emitter(), notes);
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

  /** A short summary on stderr: counts, then every error and action item. */
  static void summarise(Notes notes, PrintWriter err) {
    err.printf(
        java.util.Locale.ROOT,
        "notes: %d error(s), %d action item(s), %d warning(s), %d info%n",
        notes.count(Severity.ERROR),
        notes.count(Severity.ACTION),
        notes.count(Severity.WARNING),
        notes.count(Severity.INFO));
    // one string, not a printf per line: a 10,000-app run lists 17,000 action items
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    for (Note n : notes.sorted()) {
      if (n.severity() == Severity.ERROR || n.severity() == Severity.ACTION) {
        sb.append("  ")
            .append(n.severity())
            .append(' ')
            .append(n.subject())
            .append(": ")
            .append(n.message())
            .append(nl);
      }
    }
    err.print(sb);
    err.flush();
  }
}
