package io.canary2k8s.oracle.router;

/** Small hand-written manifests for the router models' own tests. */
final class Fixtures {
  private Fixtures() {}

  /** The edge: a traefik DaemonSet mounting ConfigMap {@code traefik} with {@code key: config}. */
  static String edge(String key, String config, boolean https) {
    String indented = config.strip().replace("\n", "\n    ");
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: traefik, namespace: traefik}
        data:
          %s: |
            %s
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: traefik, namespace: traefik}
        spec:
          selector: {matchLabels: {app: edge}}
          template:
            metadata: {labels: {app: edge}}
            spec:
              containers:
                - name: traefik
                  image: traefik:v3.7.9
                  ports:
                    - {name: web, containerPort: 8000}
                    - {name: websecure, containerPort: 8443}
                    - {name: pg, containerPort: 5432}
              volumes:
                - {name: config, configMap: {name: traefik}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: traefik, namespace: traefik}
        spec:
          type: NodePort
          selector: {app: edge}
          ports:
            - {name: web, port: 80, targetPort: web}
        %s
            - {name: pg, port: 5432, targetPort: pg}
        ---
        """
        .formatted(
            key,
            indented,
            https ? "    - {name: websecure, port: 443, targetPort: websecure}" : "");
  }

  /**
   * A Deployment standing for Auto Scaling group {@code asg} and its Service, both {@code name}.
   */
  static String track(String ns, String name, String asg, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %2$s
          namespace: %1$s
          annotations: {canary2k8s.io/aws-source: autoscaling-group/%3$s}
        spec:
          replicas: %4$d
          selector: {matchLabels: {track: %2$s}}
          template:
            metadata: {labels: {track: %2$s}}
            spec: {containers: [{name: app, image: app}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %2$s, namespace: %1$s}
        spec:
          selector: {track: %2$s}
          ports: [{name: http, port: 8080, targetPort: 8080}]
        ---
        """
        .formatted(ns, name, asg, replicas);
  }
}
