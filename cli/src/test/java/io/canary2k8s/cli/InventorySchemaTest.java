package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** inventory.json is what its JSON Schema says, and reads back to the same inventory. */
class InventorySchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonSchema schema() throws IOException {
    try (InputStream in = Inventory.class.getResourceAsStream("inventory.schema.json")) {
      assertThat(in).as("inventory.schema.json on the classpath").isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.canary2k8s.cli.Samples#names")
  void everySampleInventoryMatchesTheSchemaAndRoundTrips(String sample, @TempDir Path tmp)
      throws IOException {
    Inventory inv = CaptureReader.read(Samples.capture(sample));
    String json = InventoryJson.write(inv);
    Set<ValidationMessage> errors = schema().validate(JSON.readTree(json));
    assertThat(errors).as(sample).isEmpty();
    Path f = tmp.resolve("inventory.json");
    Files.writeString(f, json);
    assertThat(InventoryJson.read(f)).isEqualTo(inv);
  }

  /**
   * The capture with every member the service model has (discover's test fixture): every field the
   * inventory can hold is in the schema, and reads back.
   */
  @Test
  void theFullMembersInventoryMatchesTheSchemaAndRoundTrips(@TempDir Path tmp) throws IOException {
    Path capture =
        Path.of(System.getProperty("repo.dir", ".."))
            .resolve("discover/src/test/resources/io/canary2k8s/discover/full-members");
    Inventory inv = CaptureReader.read(capture);
    String json = InventoryJson.write(inv);
    assertThat(json)
        .contains("\"backendPolicies\"", "\"regexValues\"", "\"transforms\"", "\"vpcs\"")
        .contains("\"instanceOverrides\"", "\"weightedCapacity\"", "\"failover\"");
    assertThat(schema().validate(JSON.readTree(json))).isEmpty();
    Path f = tmp.resolve("inventory.json");
    Files.writeString(f, json);
    assertThat(InventoryJson.read(f)).isEqualTo(inv);
  }

  @Test
  void theSchemaRejectsWhatTheReaderRejects() throws IOException {
    JsonNode good =
        JSON.readTree(InventoryJson.write(CaptureReader.read(Samples.capture("razorpay-myapp"))));
    ObjectNode extra = good.deepCopy();
    extra.put("surprise", true);
    assertThat(schema().validate(extra)).isNotEmpty();
    ObjectNode badWeight = good.deepCopy();
    ((ObjectNode) badWeight.withArray("dnsRecords").get(0)).put("weight", 300);
    assertThat(schema().validate(badWeight)).isNotEmpty();
  }
}
