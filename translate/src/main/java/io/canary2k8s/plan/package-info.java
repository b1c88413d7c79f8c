/**
 * The plan stage: inventory → {@link io.canary2k8s.plan.Plan}, the neutral representation every
 * routing dialect is emitted from. {@link io.canary2k8s.plan.PlanBuilder#build} is the entry; the
 * work is done by small package-private pieces, each with its own unit tests, in this order:
 *
 * <ol>
 *   <li>{@code Estate}: the inventory indexed (classic ELBs and groups by name, the load balancer
 *       of each DNS name); {@code ElbV2Planner}: the ALBs and NLBs, what their listeners serve, a
 *       rule's split.
 *   <li>{@code DnsAnswers}: the hosts that point at migrated load balancers, and Route53's answer
 *       probabilities for each.
 *   <li>{@code EstateGraph}: connected components over {@code EstateNode} keys (group, load
 *       balancer, host) with a {@code UnionFind}; each with a load balancer and a group is an app.
 *   <li>{@code AppNaming} with {@code TrackRoles}: an app's stable group, its name and its tracks'
 *       names, component after component on the calling thread (a name depends on those before).
 *   <li>{@code AppPlanner}, each app on any core: {@code SplitPlanner} (with {@code
 *       ClassicElbChecks}, {@code ElbV2Checks}, {@code AlbRuleRoutes}), {@code GroupChecks}, {@code
 *       RoutePlanner} (with {@code HostSplits}, {@code PathComposition}, {@code RouteNames}, {@code
 *       TlsSecrets}), {@code TrackPlanner} (with {@code Probes}).
 *   <li>{@code EdgePlanner}: the edge in front of every app.
 * </ol>
 *
 * <p>A piece takes the plan's notifier and notes where it decides, naming the AWS item. The notes
 * an app's job makes are kept and passed on in app order, so they are the same on any number of
 * cores; pieces are read-only once built, or keep their state per call. The wide plan records
 * ({@link io.canary2k8s.plan.Route}, {@link io.canary2k8s.plan.Track}, {@link
 * io.canary2k8s.plan.Edge}) are built by name through their builders.
 *
 * <p>Where a new behaviour goes:
 *
 * <ul>
 *   <li>a rule for track roles (the {@code canary2k8s.io/track} tag, {@code canary} in a group's
 *       name, size): {@code TrackRoles};
 *   <li>TCP/SSL listeners as TCP routes: a method next to {@code RoutePlanner}'s host and rule
 *       routes, a value of {@code Route.Builder}, and the listener notes of {@code
 *       ClassicElbChecks} and {@code ElbV2Checks};
 *   <li>Route53 wildcard and explicit names, failover (a PRIMARY record's split): {@code
 *       DnsAnswers#answers}; private hosted zones kept apart from public ones, alias and CNAME
 *       chains within a zone: the {@code DnsAnswers} constructor, which decides the hosts (and a
 *       host's {@code EstateNode} if a host needs more than its name);
 *   <li>a path rule under a host that Route53 spreads over several load balancers: {@code
 *       PathComposition} (what each load balancer does with the rule's paths), with {@code
 *       RoutePlanner}'s rule routes;
 *   <li>capacity counted in instances rather than weighted units: {@link
 *       io.canary2k8s.split.Capacity}.
 * </ul>
 *
 * <p>Each behaviour is pinned by a case of {@code src/test/resources/plan} (an inventory and the
 * plan it gives, see {@code PlanCasesTest}) and by the bundle goldens.
 */
package io.canary2k8s.plan;
