package io.canary2k8s.discover.live;

import java.util.List;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Keeps Route53 set identifiers as AWS sent them.
 *
 * <p>The Java SDK registers {@code Route53IdInterceptor} on every Route53 client; its {@code
 * modifyResponse} cuts each record's {@code SetIdentifier} (like zone and health-check ids) to the
 * part after the last {@code /}, so {@code team-a/canary} reaches Java as {@code canary}, while the
 * AWS CLI (and so a capture directory) keeps {@code team-a/canary}. The SDK calls {@code
 * modifyResponse} of the interceptors in reverse order of registration, and the interceptors of the
 * client configuration come after the service's own, so this one sees the response before it is
 * cut. It remembers the identifiers of the last {@code ListResourceRecordSets} response of the
 * calling thread (the Route53 crawl is sequential), and the crawl puts them back after checking
 * that each cut form matches. If the SDK ever changes that order, the crawl keeps the cut
 * identifiers and warns where two of them collide.
 */
final class SetIdentifierKeeper implements ExecutionInterceptor {
  private final ThreadLocal<List<String>> last = new ThreadLocal<>();

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    if (context.response() instanceof ListResourceRecordSetsResponse page) {
      last.set(page.resourceRecordSets().stream().map(ResourceRecordSet::setIdentifier).toList());
    }
    return context.response();
  }

  /** The set identifiers (null where none) of this thread's last page, in order; then forgets. */
  List<String> take() {
    List<String> ids = last.get();
    last.remove();
    return ids;
  }
}
