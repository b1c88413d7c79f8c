package io.canary2k8s.bench;

import io.canary2k8s.discover.CaptureReader;
import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.plan.PlanOptions;
import io.canary2k8s.render.Bundle;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.split.WeightBasis;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.translate.Translator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * The in-process stages of {@code migrate --from-aws-cli} at N apps: discover from the capture
 * ({@link CaptureReader#read}), translate ({@link Translator#translate} and every object made,
 * {@link Translation#objects}) and render ({@link BundleBuilder#build}: the objects made again app
 * by app and serialised, the whole bundle in memory; the CLI writes it as it is made, measured by
 * the whole-process run of bench/scale/run.sh).
 *
 * <p>Each stage's input is computed once per trial, so each benchmark times one stage only. {@code
 * diff} is {@link DiffBench}.
 */
public class StagesBench extends EstateBench {
  private Path capture;
  private Inventory inventory;
  private PlanOptions planOptions;
  private Translation translation;
  private Notes translated;

  @Setup(Level.Trial)
  public void setUp() {
    capture = capture();
    planOptions = planOptions(WeightBasis.DESIRED);
    inventory = CaptureReader.read(capture);
    translated = new Notes();
    translation = Translator.translate(inventory, planOptions, TARGET, translated);
  }

  @Benchmark
  public Inventory discover() {
    return CaptureReader.read(capture);
  }

  @Benchmark
  public List<HasMetadata> translate() {
    return Translator.translate(inventory, planOptions, TARGET, new Notes()).objects();
  }

  @Benchmark
  public Bundle render() {
    // BundleBuilder only reads the notes (the overlays add the same ones again, kept once)
    return BundleBuilder.build(translation, inventory, translated, RENDER);
  }
}
