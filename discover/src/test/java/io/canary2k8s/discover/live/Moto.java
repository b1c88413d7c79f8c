package io.canary2k8s.discover.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The moto emulator the integration tests talk to: {@code CANARY2K8S_MOTO_ENDPOINT} when the
 * project's test script started one, else a {@code moto_server} started here on a free loopback
 * port and stopped when the JVM exits. Tests are skipped (not failed) when neither is possible.
 */
final class Moto {
  private static URI endpoint;
  private static Process process;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Moto() {}

  static synchronized URI endpoint() {
    if (endpoint != null) {
      return endpoint;
    }
    String env = System.getenv("CANARY2K8S_MOTO_ENDPOINT");
    if (env != null && !env.isBlank()) {
      endpoint = URI.create(env.endsWith("/") ? env.substring(0, env.length() - 1) : env);
      assumeTrue(up(endpoint), "moto at CANARY2K8S_MOTO_ENDPOINT=" + env + " does not answer");
      return endpoint;
    }
    assumeTrue(
        onPath("moto_server"), "moto_server is not on PATH and CANARY2K8S_MOTO_ENDPOINT is unset");
    try {
      int port = freePort();
      Path log = Files.createTempFile("moto-" + port + "-", ".log");
      process =
          new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> started.destroy()));
      URI uri = URI.create("http://127.0.0.1:" + port);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!up(uri)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("moto_server did not start; see " + log);
        }
        Thread.sleep(200);
      }
      endpoint = uri;
      return endpoint;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Forgets every resource: {@code POST /moto-api/reset}. */
  static void reset() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("moto reset answered " + r.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean up(URI uri) {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(uri.resolve("/moto-api/"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() < 500;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
