package io.canary2k8s.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The render pipeline: mapped on every core, consumed in order, bounded, failures surface. */
class InOrderTest {
  @Test
  void resultsArriveInItemOrderWhateverTheTimingOnTheCallingThread() {
    List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
    Random seeded = new Random(42);
    List<Integer> delays = items.stream().map(i -> seeded.nextInt(50)).toList();
    List<Integer> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    InOrder.forEach(
        items,
        i -> {
          busy(delays.get(i)); // later items often finish first
          return i * 2;
        },
        r -> {
          assertThat(Thread.currentThread()).isSameAs(caller);
          seen.add(r);
        });
    assertThat(seen).isEqualTo(items.stream().map(i -> i * 2).toList());
  }

  @Test
  void noMoreThanTheWindowIsInFlight() {
    int window = InOrder.WINDOW_PER_CORE * Runtime.getRuntime().availableProcessors();
    AtomicInteger started = new AtomicInteger();
    int[] consumed = {0};
    int[] maxAhead = {0};
    InOrder.forEach(
        IntStream.range(0, 5 * window).boxed().toList(),
        i -> started.incrementAndGet(),
        r -> {
          maxAhead[0] = Math.max(maxAhead[0], started.get() - consumed[0]);
          consumed[0]++;
        });
    assertThat(maxAhead[0]).isLessThanOrEqualTo(window);
  }

  @Test
  void aFailureInAMappingIsThrownOnTheCallingThreadAsItself() {
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                InOrder.forEach(
                    IntStream.range(0, 500).boxed().toList(),
                    i -> {
                      if (i == 300) {
                        throw new IllegalArgumentException("item 300");
                      }
                      return i;
                    },
                    seen::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 300");
    assertThat(seen).isEqualTo(IntStream.range(0, 300).boxed().toList());
  }

  @Test
  void aFailureInTheConsumerStopsTheRun() {
    AtomicInteger mapped = new AtomicInteger();
    assertThatThrownBy(
            () ->
                InOrder.forEach(
                    IntStream.range(0, 100_000).boxed().toList(),
                    i -> mapped.incrementAndGet(),
                    r -> {
                      if (r == 10) {
                        throw new IllegalStateException("disk full");
                      }
                    }))
        .hasMessage("disk full");
    assertThat(mapped.get()).isLessThan(100_000);
  }

  @Test
  void noMapIsStillRunningWhenAFailureIsThrown() {
    // maps write files: once the caller has the failure (and deletes the output), none may go on
    AtomicInteger running = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    assertThatThrownBy(
            () ->
                InOrder.forEach(
                    IntStream.range(0, 8).boxed().toList(),
                    4,
                    i -> {
                      if (i == 1) {
                        throw new IllegalStateException("item 1");
                      }
                      if (i > 1) {
                        running.incrementAndGet();
                        busy(200_000); // 200 ms, deaf to the interrupt of shutdownNow, as a file
                        // write may be
                        finished.incrementAndGet();
                        running.decrementAndGet();
                      }
                      return i;
                    },
                    r -> {}))
        .hasMessage("item 1");
    assertThat(running.get()).as("maps running after the throw").isZero();
    assertThat(finished.get()).as("maps that had started ran to their end").isPositive();
  }

  private static void busy(int micros) {
    long end = System.nanoTime() + micros * 1_000L;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
