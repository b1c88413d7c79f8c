package io.canary2k8s.emit;

import java.util.List;

/** The routing dialects by {@code --target} name. */
public final class RouteEmitters {
  private static final List<RouteEmitter> ALL =
      List.of(new TraefikV3Emitter(), new TraefikV1Emitter(), new GatewayApiEmitter());

  private RouteEmitters() {}

  public static List<String> names() {
    return ALL.stream().map(RouteEmitter::name).sorted().toList();
  }

  public static RouteEmitter byName(String name) {
    return ALL.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown target '" + name + "' (" + String.join(", ", names()) + ")"));
  }
}
