package io.canary2k8s.emit;

import io.canary2k8s.plan.App;
import io.canary2k8s.plan.Track;
import io.canary2k8s.text.Escape;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The labels and annotations every emitted object carries. */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String ROLE = "canary2k8s.io/role";
  public static final String SOURCE = "canary2k8s.io/aws-source";
  public static final String TOOL = "canary2k8s";

  private Labels() {}

  public static Map<String, String> app(App app) {
    Map<String, String> m = new TreeMap<>();
    m.put(NAME, app.name());
    m.put(MANAGED_BY, TOOL);
    return m;
  }

  public static Map<String, String> track(App app, Track t) {
    Map<String, String> m = app(app);
    m.put(INSTANCE, t.name());
    m.put(ROLE, t.role().label());
    return m;
  }

  /** The selector of a track's pods: never changes after the first apply. */
  public static Map<String, String> selector(App app, Track t) {
    Map<String, String> m = new TreeMap<>();
    m.put(NAME, app.name());
    m.put(INSTANCE, t.name());
    return m;
  }

  /** The metadata of a route's routing objects: app labels, and the ELBs it replaces. */
  public static ObjectMeta routeMeta(App app, String name, io.canary2k8s.plan.Route route) {
    return meta(name, app.namespace(), app(app), source(loadBalancers(app, route)));
  }

  /**
   * The metadata of an emitted object; {@code namespace} and {@code annotations} may be null
   * (cluster-scoped, none). Set directly: an ObjectMetaBuilder copies the instance it wraps.
   */
  public static ObjectMeta meta(
      String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    ObjectMeta m = new ObjectMeta();
    m.setName(name);
    m.setNamespace(namespace);
    m.setLabels(labels);
    if (annotations != null) {
      m.setAnnotations(annotations);
    }
    return m;
  }

  /** The load balancers a route replaces, as its source: {@code elb/a,b} and {@code elbv2/c}. */
  public static String loadBalancers(App app, io.canary2k8s.plan.Route route) {
    List<String> classic =
        route.loadBalancers().stream().filter(lb -> !app.isLoadBalancerV2(lb)).toList();
    List<String> v2 = route.loadBalancers().stream().filter(app::isLoadBalancerV2).toList();
    List<String> parts = new java.util.ArrayList<>();
    if (!classic.isEmpty()) {
      parts.add("elb/" + String.join(",", classic));
    }
    if (!v2.isEmpty()) {
      parts.add("elbv2/" + String.join(",", v2));
    }
    return String.join(" ", parts);
  }

  /**
   * The {@link #SOURCE} annotation: for a person reading the manifest (the exact names are in
   * inventory.json), so a control, bidi or invisible character of an AWS name is written as its
   * visible escape.
   */
  public static Map<String, String> source(String awsItem) {
    return Map.of(SOURCE, Escape.visible(awsItem));
  }
}
