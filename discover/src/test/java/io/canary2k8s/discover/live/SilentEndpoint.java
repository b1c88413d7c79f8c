package io.canary2k8s.discover.live;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP server that accepts every connection, reads the request and never replies: what a
 * blackholed VPC endpoint or proxy looks like to a client. Counts requests per signing service.
 */
final class SilentEndpoint implements AutoCloseable {
  private static final Pattern SERVICE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/");

  private final ServerSocket server;
  private final List<Socket> held = new ArrayList<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Thread acceptor;

  SilentEndpoint() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "silent-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Requests received from clients signing for {@code service} (e.g. {@code sts}). */
  int requests(String service) {
    AtomicInteger n = requests.get(service);
    return n == null ? 0 : n.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        synchronized (held) {
          held.add(s);
        }
        Thread reader = new Thread(() -> read(s), "silent-endpoint-read");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Reads the request's head, counts it, and then nothing more: the connection stays open. */
  private void read(Socket s) {
    try {
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        head.append((char) c);
        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
          break;
        }
      }
      Matcher m = SERVICE.matcher(head);
      String service = m.find() ? m.group(1) : "unknown";
      requests.computeIfAbsent(service, k -> new AtomicInteger()).incrementAndGet();
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the client gave up: what a silent endpoint is for
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (held) {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
