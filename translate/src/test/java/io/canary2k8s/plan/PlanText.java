package io.canary2k8s.plan;

import io.canary2k8s.notes.Note;
import io.canary2k8s.split.Fraction;
import io.canary2k8s.split.LoadBalancerShares;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plan and its notes as short, stable text, for the table of plan cases: every value the emitters
 * read, one line per app, track, route and backend, shares as exact fractions. The notes come last,
 * in the order they are shown to users.
 */
final class PlanText {
  private PlanText() {}

  static String of(Plan plan, List<Note> notes) {
    List<String> out = new ArrayList<>();
    out.add("basis " + plan.basis().flag());
    for (App app : plan.apps()) {
      out.add("");
      out.add("app " + app.name() + " in namespace " + app.namespace());
      out.add("  load balancers " + app.loadBalancers());
      out.add("  roles from " + app.rolesFrom());
      for (LoadBalancerShares s : app.shares()) {
        out.add(
            "  split "
                + s.loadBalancer()
                + (s.rule() == null ? "" : " " + s.rule())
                + " ("
                + (s.crossZone() ? "cross-zone on" : "cross-zone off")
                + (s.crossZoneAssumed() ? ", assumed" : "")
                + "): "
                + shares(s.shares()));
      }
      for (Track t : app.tracks()) {
        track(out, t);
      }
      for (Route r : app.routes()) {
        route(out, r);
        steps(out, r, app);
      }
    }
    Edge e = plan.edge();
    out.add("");
    out.add(
        "edge in namespace "
            + e.namespace()
            + " on nodes "
            + e.nodeLabelKey()
            + "="
            + e.nodeLabelValue()
            + ": image "
            + e.image()
            + ", node ports "
            + e.webNodePort()
            + "/"
            + e.websecureNodePort()
            + (e.https() ? ", https" : "")
            + (e.redirectHttpToHttps() ? ", redirects http to https" : "")
            + (e.hostNetwork() ? ", host network" : ""));
    for (Edge.TcpEntryPoint t : e.tcpEntryPoints()) {
      out.add(
          "  entry point "
              + t.name()
              + " on port "
              + t.port()
              + ", container port "
              + t.containerPort()
              + ", node port "
              + t.nodePort()
              + (t.terminatesTls() ? ", terminates TLS" : "")
              + " for "
              + t.listeners());
    }
    out.add("");
    out.add("notes");
    for (Note n : notes) {
      out.add("  " + n.severity() + " " + n.subject() + ": " + n.message());
    }
    return String.join("\n", out) + "\n";
  }

  private static void track(List<String> out, Track t) {
    out.add(
        "  track "
            + t.name()
            + " "
            + t.role().label()
            + " from "
            + t.autoScalingGroup()
            + ", "
            + t.replicas()
            + (t.replicas() == 1 ? " replica" : " replicas"));
    out.add(
        "    image "
            + t.image().reference()
            + (t.image().placeholder() ? ", a placeholder" : " (from " + t.image().origin() + ")"));
    out.add(
        "    ports "
            + t.ports().stream()
                .map(p -> p.name() + ":" + p.port())
                .collect(Collectors.joining(", ")));
    Track.Probe p = t.probe();
    if (p != null) {
      out.add(
          "    probe "
              + p.scheme()
              + " :"
              + p.port()
              + (p.path() == null ? "" : " " + p.path())
              + " every "
              + p.periodSeconds()
              + " s, timeout "
              + p.timeoutSeconds()
              + " s, "
              + p.successThreshold()
              + " up / "
              + p.failureThreshold()
              + " down (from "
              + p.source()
              + ")");
    }
    Track.Scaling s = t.scaling();
    if (s != null) {
      out.add(
          "    hpa "
              + s.min()
              + " to "
              + s.max()
              + " at "
              + s.cpuUtilization()
              + " % cpu ("
              + s.origin()
              + ")"
              + (s.minOrigin() == null ? "" : ", min: " + s.minOrigin()));
    }
    if (t.terminationGracePeriodSeconds() != null) {
      out.add("    grace " + t.terminationGracePeriodSeconds() + " s");
    }
    out.add(
        "    resources requests "
            + t.resources().requests()
            + ", limits "
            + t.resources().limits());
  }

  private static void route(List<String> out, Route r) {
    List<String> serves = new ArrayList<>();
    if (r.http()) {
      serves.add("http");
    }
    if (r.https()) {
      serves.add("https with secret " + r.tlsSecret());
    }
    if (r.httpRedirect()) {
      serves.add(r.redirectsToHttps() ? "http redirected to https" : "redirect asked, not served");
    }
    if (r.isTcp()) {
      Route.TcpListener l = r.listener();
      serves.add(
          "listener "
              + l.label()
              + " on entry point "
              + l.entryPoint()
              + (l.terminatesTls() ? ", TLS terminated with secret " + r.tlsSecret() : "")
              + (l.proxyProtocol() == null ? "" : ", PROXY protocol v" + l.proxyProtocol()));
    }
    if (r.certificateArn() != null) {
      serves.add("certificate " + r.certificateArn());
    }
    out.add(
        "  route "
            + r.name()
            + " for "
            + r.hosts()
            + " via "
            + r.loadBalancers()
            + (r.split() ? ", split" : ", not split"));
    out.add("    serves " + (serves.isEmpty() ? "nothing" : String.join(", ", serves)));
    if (!r.isTcp() && (r.rule() != null || !r.paths().isEmpty() || r.priority() != null)) {
      out.add(
          "    "
              + (r.rule() == null ? "" : "rule " + r.rule() + ", ")
              + "priority "
              + r.priority()
              + ", paths "
              + (r.paths().isEmpty()
                  ? "every path"
                  : r.paths().stream()
                      .map(Route.PathMatch::describe)
                      .collect(Collectors.joining(" "))));
    }
    if (!r.rewrites().isEmpty()) {
      out.add(
          "    rewrites "
              + r.rewrites().stream()
                  .map(w -> w.transform() + " " + w.regex() + " -> " + w.replace())
                  .collect(Collectors.joining(", ")));
    }
    for (Route.Backend b : r.backends()) {
      out.add("    -> " + b.track() + ":" + b.port() + " " + b.share().describe());
    }
  }

  /** A split route's canary share in each default step: moved to it, or kept. */
  private static void steps(List<String> out, Route r, App app) {
    if (!r.split()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    for (Step step : Step.defaults()) {
      parts.add(
          step.name()
              + (step.moves(r, app)
                  ? " " + Step.canaryShare(step.apply(r, app), app).describe()
                  : " kept"));
    }
    out.add(
        "    canary "
            + Step.canaryShare(r, app).describe()
            + "; in the steps: "
            + String.join(", ", parts));
  }

  private static String shares(Map<String, Fraction> shares) {
    List<String> parts = new ArrayList<>();
    shares.forEach((g, f) -> parts.add(g + " " + f.describe()));
    return parts.isEmpty() ? "no groups" : String.join(", ", parts);
  }
}
