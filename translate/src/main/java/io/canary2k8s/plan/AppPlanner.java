package io.canary2k8s.plan;

import io.canary2k8s.inventory.AutoScalingGroup;
import io.canary2k8s.notes.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One app from its named component, in this order (the order of its notes): its tracks' names, the
 * split behind each of its load balancers, notes on its groups, its routes, its tracks. Reads only
 * what is read-only after the plan's start, so apps are planned on every core.
 */
final class AppPlanner {
  private final SplitPlanner splits;
  private final RoutePlanner routes;
  private final TrackPlanner tracks;
  private final PlanOptions options;
  private final Notifier notes;

  AppPlanner(Estate estate, DnsAnswers dns, PlanOptions options, Notifier notes) {
    this.splits = new SplitPlanner(estate, options.basis(), notes);
    this.routes = new RoutePlanner(estate, dns, notes);
    this.tracks = new TrackPlanner(estate, options.config(), notes);
    this.options = options;
    this.notes = notes;
  }

  App plan(AppNaming.Named app) {
    List<AutoScalingGroup> groups = app.groups();
    // tracks: names first, so that routes can refer to them
    Map<String, String> trackOf = AppNaming.trackNames(app.name(), app.stable(), groups);
    SplitPlanner.Splits split = splits.plan(app.loadBalancers(), groups, trackOf);
    for (AutoScalingGroup g : groups) {
      GroupChecks.check(g, trackOf.get(g.name()), options.basis(), notes);
    }
    List<Route> appRoutes = routes.routes(app.name(), app.hosts(), split, trackOf, app.stable());
    List<Track> appTracks = new ArrayList<>();
    for (AutoScalingGroup g : groups) {
      Role role = g == app.stable() ? Role.STABLE : Role.CANARY;
      appTracks.add(tracks.track(app.name(), g, role, trackOf.get(g.name()), app.loadBalancers()));
    }
    return new App(
        app.name(),
        app.name(),
        app.loadBalancers(),
        appTracks,
        appRoutes,
        split.inUse(),
        split.underOtherBasis(),
        app.roles().rule());
  }
}
