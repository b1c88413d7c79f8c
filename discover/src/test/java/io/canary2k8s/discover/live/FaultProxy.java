package io.canary2k8s.discover.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of moto that answers some calls itself: a share of them with the
 * throttling error AWS sends (HTTP 400, {@code Throttling}, "Rate exceeded"), and chosen actions
 * with HTTP 403 {@code AccessDenied}. Everything else is forwarded unchanged.
 */
final class FaultProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive");
  private static final Pattern SERVICE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/");

  private final HttpServer server;
  private final URI target;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Random random = new Random(20261126L);
  private volatile double throttleRate;
  private volatile Predicate<String> denied = a -> false;
  final AtomicInteger throttled = new AtomicInteger();
  final AtomicInteger deniedCount = new AtomicInteger();
  final AtomicInteger forwarded = new AtomicInteger();

  FaultProxy(URI target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "fault-proxy");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  FaultProxy throttle(double rate) {
    this.throttleRate = rate;
    return this;
  }

  /** Denies every call whose IAM-style action ({@code service:Operation}) matches. */
  FaultProxy deny(Predicate<String> actions) {
    this.denied = actions;
    return this;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String action = action(ex, body);
      if (denied.test(action)) {
        deniedCount.incrementAndGet();
        error(
            ex,
            403,
            "AccessDenied",
            "User: arn:aws:iam::123456789012:user/test is not authorized to perform: " + action);
        return;
      }
      boolean throttle;
      synchronized (random) {
        throttle = random.nextDouble() < throttleRate;
      }
      if (throttle) {
        throttled.incrementAndGet();
        error(ex, 400, "Throttling", "Rate exceeded");
        return;
      }
      forwarded.incrementAndGet();
      forward(ex, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange ex, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(
                target.resolve(
                    ex.getRequestURI().getRawPath()
                        + (ex.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + ex.getRequestURI().getRawQuery())))
            .method(
                ex.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      if (!HOP_HEADERS.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
        h.getValue().forEach(v -> req.header(h.getKey(), v));
      }
    }
    HttpResponse<byte[]> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    resp.headers()
        .map()
        .forEach(
            (k, vs) -> {
              if (!HOP_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT))
                  && !k.startsWith(":")) {
                vs.forEach(v -> ex.getResponseHeaders().add(k, v));
              }
            });
    byte[] out = resp.body();
    ex.sendResponseHeaders(resp.statusCode(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  private static void error(HttpExchange ex, int status, String code, String message)
      throws IOException {
    byte[] xml =
        ("<ErrorResponse><Error><Type>Sender</Type><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>")
            .getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "text/xml");
    ex.sendResponseHeaders(status, xml.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(xml);
    }
  }

  /**
   * {@code service:Operation} of a request: the Query protocol's Action, or Route53's REST path.
   */
  static String action(HttpExchange ex, byte[] body) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    Matcher m = SERVICE.matcher(auth == null ? "" : auth);
    String service = m.find() ? m.group(1) : "unknown";
    String path = ex.getRequestURI().getPath();
    if (service.equals("route53")) {
      return "route53:" + (path.endsWith("/rrset") ? "ListResourceRecordSets" : "ListHostedZones");
    }
    String form = new String(body, StandardCharsets.UTF_8);
    if (ex.getRequestURI().getRawQuery() != null) {
      form = form + "&" + ex.getRequestURI().getRawQuery();
    }
    for (String pair : form.split("&")) {
      if (pair.startsWith("Action=")) {
        return service + ":" + URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
      }
    }
    return service + ":unknown";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
