package io.canary2k8s.split;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/** An exact, non-negative rational number in lowest terms: shares are never rounded. */
public record Fraction(BigInteger numerator, BigInteger denominator)
    implements Comparable<Fraction> {
  public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
  public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

  public Fraction {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("denominator must be positive: " + denominator);
    }
    if (numerator.signum() < 0) {
      throw new IllegalArgumentException("a share cannot be negative: " + numerator);
    }
    if (numerator.signum() == 0) {
      denominator = BigInteger.ONE;
    } else if (numerator.bitLength() < Long.SIZE && denominator.bitLength() < Long.SIZE) {
      // the shares of real estates are small: reduced in long arithmetic, without the
      // MutableBigIntegers BigInteger.gcd allocates for every share of every app (guarded by the
      // allocation per operation of StagesBench.translate and StagesBench.render)
      long n = numerator.longValue();
      long d = denominator.longValue();
      long g = gcd(n, d);
      if (g != 1) {
        numerator = BigInteger.valueOf(n / g);
        denominator = BigInteger.valueOf(d / g);
      }
    } else {
      BigInteger g = numerator.gcd(denominator);
      if (!g.equals(BigInteger.ONE)) {
        numerator = numerator.divide(g);
        denominator = denominator.divide(g);
      }
    }
  }

  /** The greatest common divisor of two positive numbers. */
  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  public static Fraction of(long numerator, long denominator) {
    return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  public Fraction plus(Fraction o) {
    return new Fraction(
        numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  public Fraction minus(Fraction o) {
    return new Fraction(
        numerator.multiply(o.denominator).subtract(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  public Fraction times(Fraction o) {
    return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
  }

  public Fraction dividedBy(Fraction o) {
    if (o.numerator.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
  }

  public boolean isZero() {
    return numerator.signum() == 0;
  }

  @Override
  public int compareTo(Fraction o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  /** This share as a percentage with {@code scale} decimals, rounded half-up (for display). */
  public BigDecimal percent(int scale) {
    return new BigDecimal(numerator.multiply(BigInteger.valueOf(100)))
        .divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
  }

  /** A short human form: {@code 9/10 (90 %)}, or {@code 1/6 (16.667 %)}. */
  public String describe() {
    BigDecimal p = percent(3).stripTrailingZeros();
    String pct = p.scale() < 0 ? p.setScale(0).toPlainString() : p.toPlainString();
    String ratio =
        denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    return ratio + " (" + pct + " %)";
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
