package io.canary2k8s.discover.live;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one AWS call (or one paginated listing) and turns SDK failures into {@link
 * AwsAccessException}.
 */
final class Calls {
  private Calls() {}

  private static final Set<String> DENIED_CODES =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "UnauthorizedOperation",
          "UnauthorizedAccess",
          "InvalidClientTokenId",
          "ExpiredToken",
          "ExpiredTokenException",
          "SignatureDoesNotMatch",
          "AuthFailure",
          "UnrecognizedClientException");

  static <T> T call(String action, String region, Supplier<T> body) {
    CallWatch.forget();
    try {
      return body.get();
    } catch (ReadOnlyViolationException e) {
      throw e;
    } catch (AwsServiceException e) {
      AwsErrorDetails d = e.awsErrorDetails();
      String code = d == null ? null : d.errorCode();
      String message = d == null ? null : d.errorMessage();
      boolean denied =
          e.statusCode() == 401
              || e.statusCode() == 403
              || (code != null && DENIED_CODES.contains(code));
      String detail =
          (code == null ? "HTTP " + e.statusCode() : code + " (HTTP " + e.statusCode() + ")")
              + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
      throw new AwsAccessException(action, region, denied, detail, e);
    } catch (SdkException e) {
      throw new AwsAccessException(action, region, false, unanswered(e, CallWatch.lastSent()), e);
    }
  }

  /**
   * What went wrong with a call that got no answer from AWS, and what to check: the endpoint, and
   * whether it timed out (something accepts connections and never replies: a blackholed VPC
   * endpoint or proxy) or could not be reached at all.
   */
  static String unanswered(SdkException e, CallWatch.Sent sent) {
    String cause = oneLine(String.valueOf(rootCause(e).getMessage()));
    if (sent == null) {
      return oneLine(String.valueOf(e.getMessage()));
    }
    String endpoint = sent.endpoint();
    Integer n = e.numAttempts();
    String attempts = n == null ? "" : n == 1 ? "1 attempt, " : n + " attempts, ";
    if (timedOut(e)) {
      return "no answer from "
          + endpoint
          + " within "
          + sent.attemptTimeout().toSeconds()
          + " s"
          + (n == null ? "" : n == 1 ? " (1 attempt)" : " (" + n + " attempts)")
          + "; check that "
          + endpoint
          + " is reachable from here and answers (a proxy, VPC endpoint or firewall that accepts"
          + " connections and never replies looks like this; see --endpoint-url and the"
          + " HTTPS_PROXY setting), or allow more time with --timeout";
    }
    if (unreachable(e)) {
      return "cannot connect to "
          + endpoint
          + " ("
          + attempts
          + cause
          + "); check its host name and port, DNS, the proxy and firewalls (see --endpoint-url)";
    }
    return oneLine(String.valueOf(e.getMessage())) + " (endpoint " + endpoint + ")";
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiCallAttemptTimeoutException
          || t instanceof ApiCallTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || t instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String oneLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
