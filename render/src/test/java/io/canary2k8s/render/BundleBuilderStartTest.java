package io.canary2k8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.Provenance;
import io.canary2k8s.plan.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bundle started before its translation: inventory.json is written from the start, and closing
 * waits for it.
 */
class BundleBuilderStartTest {
  private static final Inventory EMPTY =
      new Inventory(
          Inventory.SCHEMA_VERSION,
          new Provenance("aws-cli", "eu-west-1", null, null),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());

  /** Files kept in memory; each streamed file starts only once {@code go} is open. */
  private static final class SlowSink implements BundleSink {
    final Map<String, String> files = new ConcurrentHashMap<>();
    final CountDownLatch go = new CountDownLatch(1);
    final CountDownLatch started = new CountDownLatch(1);

    @Override
    public void put(String path, String content) {
      files.put(path, content);
    }

    @Override
    public void write(String path, Body body) {
      started.countDown();
      try {
        go.await();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.writeTo(bytes);
        files.put(path, bytes.toString(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void inventoryJsonIsWrittenBeforeTheTranslationIsGiven() throws Exception {
    SlowSink sink = new SlowSink();
    try (BundleBuilder.Started started =
        BundleBuilder.start(EMPTY, new RenderOptions(Step.defaults(), "0.0.0-test"), sink)) {
      assertThat(sink.started.await(10, TimeUnit.SECONDS))
          .as("inventory.json started without a translation")
          .isTrue();
      sink.go.countDown();
    }
    assertThat(sink.files).containsOnlyKeys(BundleLayout.INVENTORY);
    assertThat(sink.files.get(BundleLayout.INVENTORY))
        .contains("\"schemaVersion\"")
        .endsWith("}\n");
  }

  @Test
  void closingWithoutABuildWaitsForInventoryJson() throws Exception {
    SlowSink sink = new SlowSink();
    Thread opener =
        new Thread(
            () -> {
              try {
                sink.started.await();
                Thread.sleep(200); // close() is waiting by now, unless it returned at once
              } catch (InterruptedException e) {
                return;
              }
              sink.go.countDown();
            });
    opener.start();
    // as when the translation fails: the caller closes and then deletes what was written
    BundleBuilder.start(EMPTY, new RenderOptions(Step.defaults(), "0.0.0-test"), sink).close();
    assertThat(sink.files)
        .as("nothing writes into the sink after close() returns")
        .containsKey(BundleLayout.INVENTORY);
    opener.join();
  }
}
