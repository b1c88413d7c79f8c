package io.canary2k8s.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.canary2k8s.input.InputException;
import io.canary2k8s.input.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Reads and writes {@code inventory.json}, the hand-over between discover and translate. Its JSON
 * Schema is {@code inventory.schema.json} next to this class (and in {@code docs/}).
 */
public final class InventoryJson {
  private InventoryJson() {}

  public static String write(Inventory inventory) {
    return Json.write(inventory);
  }

  /** {@link #write(Inventory)} into {@code out}. */
  public static void write(Inventory inventory, OutputStream out) throws IOException {
    Json.write(inventory, out);
  }

  public static Inventory read(Path file) {
    String shown = file.toString();
    JsonNode tree = Json.readTree(file, shown);
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.isInt()) {
      throw new InputException(
          shown, "schemaVersion", "missing; this file is not an inventory written by canary2k8s");
    }
    if (version.asInt() != Inventory.SCHEMA_VERSION) {
      throw new InputException(
          shown,
          "schemaVersion",
          "is "
              + version.asInt()
              + "; this canary2k8s reads version "
              + Inventory.SCHEMA_VERSION
              + " (run discover again with this version)");
    }
    try {
      return Json.mapper().treeToValue(tree, Inventory.class);
    } catch (JsonProcessingException e) {
      String field =
          e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? Json.path(m) : null;
      throw new InputException(shown, field, Json.describe(e), e);
    }
  }
}
