package io.canary2k8s.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.config.Config;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.input.InputException;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.names.Names;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.plan.Step;
import io.canary2k8s.render.Bundle;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.render.RenderOptions;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fuzz targets check after the reader: a read inventory survives the whole pipeline (its
 * JSON round trip, translation for both Traefik targets, the bundle in memory) with only valid
 * names; a rejection is one clean line naming the file.
 */
final class FuzzPipeline {
  private FuzzPipeline() {}

  static void assertClean(InputException e, String fileMention) {
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").contains(fileMention);
    assertThat(e.file()).isNotBlank();
  }

  static void assertValid(Inventory inventory, Config config) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("fuzz-inventory", ".json");
      Files.writeString(tmp, InventoryJson.write(inventory));
      assertThat(InventoryJson.read(tmp)).isEqualTo(inventory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        tmp.toFile().delete();
      }
    }
    for (String target : new String[] {"traefik-v3", "traefik-v1"}) {
      RouteEmitter emitter = RouteEmitters.byName(target);
      Notes notes = new Notes();
      Translation tr =
          Translator.translate(
              inventory,
              new PlanOptions(WeightBasis.DESIRED, config, emitter.defaultEdgeImage()),
              emitter,
              notes);
      for (HasMetadata o : tr.objects()) {
        String name = o.getMetadata().getName();
        assertThat(name).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?").hasSizeLessThanOrEqualTo(253);
        if (o.getKind().equals("Service") || o.getKind().equals("Namespace")) {
          assertThat(name).matches(Names.RFC1035_LABEL).hasSizeLessThanOrEqualTo(63);
        }
      }
      Bundle b =
          BundleBuilder.build(
              tr, inventory, notes, new RenderOptions(Step.defaults(), "0.0.0-fuzz"));
      assertThat(b.files()).containsKey("REVIEW.md");
    }
  }
}
