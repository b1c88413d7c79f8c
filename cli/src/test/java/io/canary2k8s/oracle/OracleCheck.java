package io.canary2k8s.oracle;

import io.canary2k8s.cli.Main;
import io.canary2k8s.oracle.aws.Answer;
import io.canary2k8s.oracle.aws.AwsOracle;
import io.canary2k8s.oracle.estate.CaptureWriter;
import io.canary2k8s.oracle.estate.Estate;
import io.canary2k8s.oracle.router.GatewayApiRouter;
import io.canary2k8s.oracle.router.Manifests;
import io.canary2k8s.oracle.router.Routed;
import io.canary2k8s.oracle.router.Routed.Served;
import io.canary2k8s.oracle.router.TraefikV1Router;
import io.canary2k8s.oracle.router.TraefikV3Router;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.testkit.Kustomize;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The routing-fidelity check of one estate on one target: write the estate as an AWS CLI capture,
 * run the real CLI ({@code migrate --allow-errors}), build {@code base/} and every overlay with
 * {@code kubectl kustomize}, and for every {@link Probe} compare the share the target's router
 * model routes to each Auto Scaling group with the share the {@link AwsOracle} says AWS gives
 * today: exactly (Traefik 1.7: to the 0.001 % its percentages have, see {@link #agrees}), or
 * excused by a note that names the item (then reported as excused). Overlays are checked only for
 * weights that parse and route every request base routes in full.
 */
public final class OracleCheck {
  public static final List<String> TARGETS = List.of("traefik-v3", "traefik-v1", "gateway-api");

  /** 0.0005 percentage points, as a share: half of the 0.001 % Traefik 1.7's weights resolve. */
  private static final Fraction HALF_UNIT = Fraction.of(5, 1_000_000);

  /** 0.001 percentage points, as a share. */
  private static final Fraction UNIT = Fraction.of(1, 100_000);

  /** {@code -Doracle.verbose=true} prints every probe with both answers. */
  private static final boolean VERBOSE = Boolean.getBoolean("oracle.verbose");

  /** A probe whose routed shares differ from AWS's. */
  public record Finding(String target, String probe, String aws, String routed, String excuse) {
    @Override
    public String toString() {
      return target
          + " "
          + probe
          + ": AWS "
          + aws
          + ", routed "
          + routed
          + (excuse == null ? "" : "\n      excused by " + excuse);
    }
  }

  /** The outcome of one estate on one target. */
  public record Result(
      String target,
      int probes,
      List<Finding> failures,
      List<Finding> excused,
      List<String> overlays) {
    public boolean passed() {
      return failures.isEmpty() && overlays.isEmpty();
    }

    public String report() {
      StringBuilder b =
          new StringBuilder(
              target
                  + ": "
                  + probes
                  + " probes, "
                  + failures.size()
                  + " differ, "
                  + excused.size()
                  + " excused, "
                  + overlays.size()
                  + " overlay problems\n");
      failures.forEach(f -> b.append("  DIFFERS ").append(f).append('\n'));
      overlays.forEach(o -> b.append("  OVERLAY ").append(o).append('\n'));
      excused.forEach(f -> b.append("  excused ").append(f).append('\n'));
      return b.toString();
    }
  }

  private OracleCheck() {}

  /**
   * Runs the whole check of {@code estate} on {@code target} in directory {@code work}; {@code
   * trailingSlashless} also probes {@code /x} for every rule {@code /x/*}.
   */
  public static Result run(Estate estate, String target, Path work, boolean trailingSlashless)
      throws IOException {
    Path capture = work.resolve("capture");
    if (!Files.isDirectory(capture)) {
      CaptureWriter.write(estate, capture);
    }
    Path out = work.resolve("bundle-" + target);
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    int exit =
        Main.run(
            new String[] {
              "migrate",
              "--from-aws-cli",
              capture.toString(),
              "--out",
              out.toString(),
              "--target",
              target,
              "--allow-errors"
            },
            new PrintWriter(so, true),
            new PrintWriter(se, true));
    if (exit != 0) {
      throw new AssertionError(
          target + ": migrate exited " + exit + " on a valid capture (" + capture + "):\n" + se);
    }
    Map<String, Future<String>> builds = build(out);
    Excuses notes = Excuses.read(out.resolve("notes.json"));
    AwsOracle oracle = new AwsOracle(estate);
    List<Probe> probes = Probe.of(estate, oracle, trailingSlashless);
    Routed.Router base = router(target, Manifests.parse(await(builds.remove("base"))));

    List<Finding> failures = new ArrayList<>();
    List<Finding> excused = new ArrayList<>();
    Map<Probe, Routed> routedInBase =
        new TreeMap<>(java.util.Comparator.comparing(Probe::toString));
    for (Probe p : probes) {
      Answer aws =
          p.isHttp()
              ? oracle.http(p.scheme(), p.host(), p.path())
              : oracle.listener(p.lb(), p.port(), p.host());
      Routed got = route(base, p);
      routedInBase.put(p, got);
      if (VERBOSE) {
        System.out.println(
            "  "
                + target
                + " "
                + p
                + ": AWS "
                + describe(aws.shares())
                + " | routed "
                + describe(got));
      }
      if (agrees(target, aws.shares(), got)) {
        continue;
      }
      Excuses.Note why = notes.excuse(p, aws);
      Finding f =
          new Finding(
              target,
              p.toString(),
              describe(aws.shares()),
              describe(got),
              why == null ? null : why.toString());
      (why == null ? failures : excused).add(f);
    }
    return new Result(
        target, probes.size(), failures, excused, overlays(target, builds, routedInBase));
  }

  /** A few kustomize processes at a time: they wait on process start more than on the CPU. */
  private static final ExecutorService KUSTOMIZE =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "kustomize");
            t.setDaemon(true);
            return t;
          });

  /** {@code kubectl kustomize} of base and of every overlay, started together. */
  private static Map<String, Future<String>> build(Path bundle) throws IOException {
    Map<String, Future<String>> out = new TreeMap<>();
    out.put("base", KUSTOMIZE.submit(() -> Kustomize.build(bundle.resolve("base"))));
    Path dir = bundle.resolve("overlays");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path step : s.filter(Files::isDirectory).sorted().toList()) {
          out.put("overlays/" + step.getFileName(), KUSTOMIZE.submit(() -> Kustomize.build(step)));
        }
      }
    }
    return out;
  }

  private static String await(Future<String> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while building", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw new AssertionError("kustomize failed", e.getCause());
    }
  }

  static Routed.Router router(String target, Manifests m) {
    return switch (target) {
      case "traefik-v3" -> new TraefikV3Router(m);
      case "traefik-v1" -> new TraefikV1Router(m);
      case "gateway-api" -> new GatewayApiRouter(m);
      default -> throw new IllegalArgumentException(target);
    };
  }

  static Routed route(Routed.Router r, Probe p) {
    if (p.isHttp() || p.protocol().equals("HTTP") || p.protocol().equals("HTTPS")) {
      return Routed.follow(r, p.scheme(), p.host(), p.port(), p.path());
    }
    return r.tcp(p.port(), p.sni());
  }

  /**
   * Whether the routed shares are AWS's: exactly; for Traefik 1.7, whose percentages have three
   * decimals and must sum to exactly 100.000, within 0.0005 points when two groups share the
   * request, and within less than 0.001 points when more do: no three-decimal rounding that sums to
   * 100.000 can do better in general (2/7, 2/7, 3/7 is at best 28.571, 28.572, 42.857, an error of
   * 0.00057 points; a third each at best 0.00067).
   */
  static boolean agrees(String target, Map<String, Fraction> aws, Routed got) {
    Map<String, Fraction> routed =
        got instanceof Served s ? s.shares() : got instanceof Routed.NotRouted ? Map.of() : null;
    if (routed == null) {
      return false; // broken: never what AWS does
    }
    if (!target.equals("traefik-v1")) {
      return routed.equals(aws);
    }
    TreeSet<String> groups = new TreeSet<>(aws.keySet());
    groups.addAll(routed.keySet());
    boolean two = aws.size() <= 2;
    for (String g : groups) {
      Fraction a = aws.getOrDefault(g, Fraction.ZERO);
      Fraction r = routed.getOrDefault(g, Fraction.ZERO);
      Fraction diff = a.compareTo(r) >= 0 ? a.minus(r) : r.minus(a);
      if (two ? diff.compareTo(HALF_UNIT) > 0 : diff.compareTo(UNIT) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Every overlay builds, and routes every request base serves in full to some group. */
  private static List<String> overlays(
      String target, Map<String, Future<String>> builds, Map<Probe, Routed> base) {
    List<String> problems = new ArrayList<>();
    for (var step : builds.entrySet()) {
      Routed.Router r = router(target, Manifests.parse(await(step.getValue())));
      for (var e : base.entrySet()) {
        if (!(e.getValue() instanceof Served s) || !s.total().equals(Fraction.ONE)) {
          continue;
        }
        Routed got = route(r, e.getKey());
        if (!(got instanceof Served o) || !o.total().equals(Fraction.ONE)) {
          problems.add(step.getKey() + " " + e.getKey() + ": " + describe(got));
        }
      }
    }
    return problems;
  }

  static String describe(Map<String, Fraction> shares) {
    if (shares.isEmpty()) {
      return "nothing to any group";
    }
    List<String> parts = new ArrayList<>();
    shares.forEach((g, s) -> parts.add(g + " " + s.describe()));
    return String.join(", ", parts);
  }

  static String describe(Routed r) {
    if (r instanceof Served s) {
      return describe(s.shares()) + " (via " + s.via() + ")";
    }
    if (r instanceof Routed.NotRouted n) {
      return "not routed (" + n.why() + ")";
    }
    if (r instanceof Routed.Broken b) {
      return "BROKEN (" + b.why() + ")";
    }
    return r.toString();
  }
}
