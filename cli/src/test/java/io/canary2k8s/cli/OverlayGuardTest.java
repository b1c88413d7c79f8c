package io.canary2k8s.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.canary2k8s.config.Config;
import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.emit.RouteEmitter;
import io.canary2k8s.emit.RouteEmitters;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.App;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.plan.Route;
import io.canary2k8s.plan.Step;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.testkit.Kustomize;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import io.canary2k8s.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kustomize accepts a patch whose target matches nothing, silently and with exit 0: the overlay
 * then builds with today's weights. The weights check that BundleTest runs on every built overlay
 * is the guard; this proves it catches such a patch.
 */
class OverlayGuardTest {
  static final YAMLMapper YAML = new YAMLMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"traefik-v3", "traefik-v1"})
  void aPatchThatMatchesNothingFailsTheWeightsCheck(String target, @TempDir Path tmp)
      throws IOException {
    Path bundle = tmp.resolve("bundle");
    BadInputTest.copyTree(Samples.expected("razorpay-myapp", target), bundle);
    Step step = Step.of(25);
    RouteEmitter emitter = RouteEmitters.byName(target);
    Translation tr =
        Translator.translate(
            CaptureReader.read(Samples.capture("razorpay-myapp")),
            new PlanOptions(WeightBasis.DESIRED, Config.EMPTY, emitter.defaultEdgeImage()),
            emitter,
            new Notes());
    App app = tr.plan().apps().get(0);
    Route split = app.routes().stream().filter(Route::split).findFirst().orElseThrow();
    Path overlay = bundle.resolve("overlays").resolve(step.name());

    // the overlay as rendered passes
    BundleTest.assertWeights(
        target,
        BundleTest.docs(Kustomize.build(overlay)),
        app,
        step.apply(split, app),
        "as rendered");

    // the same overlay with the weights patch aimed at a name that does not exist
    Path k = overlay.resolve("kustomization.yaml");
    JsonNode kustomization = YAML.readTree(Files.readString(k));
    int retargeted = 0;
    for (JsonNode p : kustomization.get("patches")) {
      ObjectNode t = (ObjectNode) p.get("target");
      if (!t.get("kind").asText().equals("Deployment")) {
        t.put("name", t.get("name").asText() + "-typo");
        retargeted++;
      }
    }
    assertThat(retargeted).isPositive();
    Files.writeString(k, Yaml.dump(kustomization));
    String built = Kustomize.build(overlay); // kustomize does not complain...
    assertThat(built).doesNotContain("-typo");
    assertThatThrownBy(
            () ->
                BundleTest.assertWeights(
                    target, BundleTest.docs(built), app, step.apply(split, app), "typo"))
        .as("...but the weights check does")
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(split.name());
  }
}
