package io.canary2k8s.discover.live;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes every client live discovery builds read-only by construction: in {@code beforeExecution},
 * before a request is even marshalled, it refuses any operation whose name does not start with
 * {@code Describe}, {@code List} or {@code Get} (for STS it also allows {@code AssumeRole}, which
 * {@code --role-arn} needs). Allowed operations are recorded as IAM actions ({@code
 * service:Operation}) in a {@link CallRecorder}; {@code docs/iam-policy.json} is checked against
 * that record.
 */
public final class ReadOnlyInterceptor implements ExecutionInterceptor {
  private final String iamPrefix;
  private final CallRecorder recorder;

  /**
   * @param iamPrefix the IAM service prefix of the client: {@code elasticloadbalancing}, {@code
   *     autoscaling}, {@code route53} or {@code sts}
   * @param recorder where allowed calls are counted, or null
   */
  public ReadOnlyInterceptor(String iamPrefix, CallRecorder recorder) {
    this.iamPrefix = iamPrefix;
    this.recorder = recorder;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String action = iamPrefix + ":" + operation;
    if (!allowed(iamPrefix, operation)) {
      throw new ReadOnlyViolationException(action);
    }
    if (recorder != null) {
      recorder.record(action);
    }
  }

  static boolean allowed(String iamPrefix, String operation) {
    if (operation == null) {
      return false;
    }
    if ("sts".equals(iamPrefix) && "AssumeRole".equals(operation)) {
      return true;
    }
    return operation.startsWith("Describe")
        || operation.startsWith("List")
        || operation.startsWith("Get");
  }
}
