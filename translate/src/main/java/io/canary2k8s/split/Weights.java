package io.canary2k8s.split;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns exact shares into what a routing dialect can say: relative integer weights (Traefik v3,
 * Gateway API) or percentages with three decimals (Traefik 1.7). The one place weights are
 * computed.
 */
public final class Weights {
  private Weights() {}

  /**
   * The smallest integer weights in exactly the ratio of {@code shares}: {@code 9/10, 1/10} gives
   * {@code 9, 1}; {@code 5/6, 1/6} gives {@code 5, 1}. Zero shares give zero.
   */
  public static List<BigInteger> integers(List<Fraction> shares) {
    BigInteger lcm = BigInteger.ONE;
    for (Fraction f : shares) {
      lcm = lcm.divide(lcm.gcd(f.denominator())).multiply(f.denominator());
    }
    List<BigInteger> raw = new ArrayList<>();
    BigInteger gcd = BigInteger.ZERO;
    for (Fraction f : shares) {
      BigInteger w = f.numerator().multiply(lcm.divide(f.denominator()));
      raw.add(w);
      gcd = gcd.gcd(w);
    }
    if (gcd.signum() == 0) {
      return raw;
    }
    List<BigInteger> out = new ArrayList<>();
    for (BigInteger w : raw) {
      out.add(w.divide(gcd));
    }
    return out;
  }

  /** Integer weights under a cap, and whether they are the exact ratio. */
  public record Bounded(List<BigInteger> values, boolean exact) {}

  /**
   * The exact reduced ratio of {@link #integers} when its largest weight is at most {@code max};
   * otherwise the closest ratio whose largest weight is {@code max}: every weight is its share over
   * the largest share times {@code max}, rounded half-even, and a non-zero share never rounds to
   * zero. The Gateway API caps {@code backendRefs[].weight} at 1,000,000.
   */
  public static Bounded integersAtMost(List<Fraction> shares, long max) {
    if (max < 1) {
      throw new IllegalArgumentException("the cap must be positive: " + max);
    }
    List<BigInteger> exact = integers(shares);
    BigInteger cap = BigInteger.valueOf(max);
    if (exact.stream().allMatch(w -> w.compareTo(cap) <= 0)) {
      return new Bounded(exact, true);
    }
    Fraction largest = shares.stream().max(Fraction::compareTo).orElseThrow();
    List<BigInteger> out = new ArrayList<>();
    for (Fraction f : shares) {
      Fraction scaled = f.dividedBy(largest).times(new Fraction(cap, BigInteger.ONE));
      BigInteger w =
          new BigDecimal(scaled.numerator())
              .divide(new BigDecimal(scaled.denominator()), 0, java.math.RoundingMode.HALF_EVEN)
              .toBigIntegerExact();
      if (w.signum() == 0 && !f.isZero()) {
        w = BigInteger.ONE;
      }
      out.add(w);
    }
    return new Bounded(out, false);
  }

  /** Percentages in units of 0.001 %, and whether they equal the shares exactly. */
  public record Percentages(List<BigDecimal> values, boolean exact) {}

  /**
   * Percentages with three decimals that sum to exactly 100.000 when the shares sum to one: each
   * share is truncated to 0.001 %, and the missing thousandths go to the largest remainders (ties
   * to the earlier entry). Traefik 1.7 reads three decimals and truncates the rest, so this is the
   * closest it can be told.
   */
  public static Percentages percentages(List<Fraction> shares) {
    BigInteger unitsPerWhole = BigInteger.valueOf(100_000); // 100 % in units of 0.001 %
    List<BigInteger> floors = new ArrayList<>();
    List<Fraction> remainders = new ArrayList<>();
    BigInteger used = BigInteger.ZERO;
    boolean exact = true;
    Fraction total = Fraction.ZERO;
    for (Fraction f : shares) {
      total = total.plus(f);
      BigInteger scaled = f.numerator().multiply(unitsPerWhole);
      BigInteger[] qr = scaled.divideAndRemainder(f.denominator());
      floors.add(qr[0]);
      remainders.add(new Fraction(qr[1], f.denominator()));
      if (qr[1].signum() != 0) {
        exact = false;
      }
      used = used.add(qr[0]);
    }
    BigInteger target = total.times(new Fraction(unitsPerWhole, BigInteger.ONE)).numerator();
    if (!total.denominator().equals(BigInteger.ONE)) {
      target = total.numerator().multiply(unitsPerWhole).divide(total.denominator());
    }
    int missing = target.subtract(used).intValueExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing((Integer i) -> remainders.get(i))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    // missing < shares.size(): each floor loses less than one unit
    for (int k = 0; k < missing; k++) {
      int i = order.get(k);
      floors.set(i, floors.get(i).add(BigInteger.ONE));
    }
    List<BigDecimal> out = new ArrayList<>();
    for (BigInteger u : floors) {
      out.add(new BigDecimal(u, 3));
    }
    return new Percentages(out, exact);
  }
}
