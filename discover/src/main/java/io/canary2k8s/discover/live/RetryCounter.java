package io.canary2k8s.discover.live;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts the SDK's retries and the attempts AWS throttled, from the SDK's own call metrics (nothing
 * is published anywhere else).
 */
final class RetryCounter implements MetricPublisher {
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();

  @Override
  public void publish(MetricCollection metrics) {
    calls.incrementAndGet();
    walk(metrics);
  }

  private void walk(MetricCollection metrics) {
    for (Integer r : metrics.metricValues(CoreMetric.RETRY_COUNT)) {
      if (r != null) {
        retries.addAndGet(r);
      }
    }
    for (String type : metrics.metricValues(CoreMetric.ERROR_TYPE)) {
      if ("Throttling".equals(type)) {
        throttled.incrementAndGet();
      }
    }
    metrics.children().forEach(this::walk);
  }

  int calls() {
    return calls.get();
  }

  int retries() {
    return retries.get();
  }

  int throttled() {
    return throttled.get();
  }

  @Override
  public void close() {}
}
