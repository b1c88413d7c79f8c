package io.canary2k8s.discover.live;

import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
      throw new AwsAccessException(
          action, region, false, oneLine(String.valueOf(e.getMessage())), e);
    }
  }

  private static String oneLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
