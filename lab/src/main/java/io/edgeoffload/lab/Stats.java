package io.edgeoffload.lab;

/**
 * Summary statistics for run outputs: mean, sample standard deviation and the two-sided 95%
 * confidence interval of the mean from Student's t distribution.
 */
public final class Stats {
  private Stats() {}

  /** Mean, standard deviation and 95% confidence interval of a sample. */
  public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {
    public double halfWidth() {
      return (ciHigh - ciLow) / 2.0;
    }
  }

  /**
   * A figure's note on its band over {@code seeds} seeds, for titles: "3 seeds, 95% CI". One seed
   * has no interval ({@link #summarize} gives it zero width), so it says so instead of claiming
   * one.
   */
  public static String seedsNote(int seeds) {
    return seeds == 1 ? "1 seed, no interval" : seeds + " seeds, 95% CI";
  }

  /** Summarises {@code x}; with one value the interval is that value, with none everything NaN. */
  public static Summary summarize(double[] x) {
    int n = x.length;
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    if (n == 1) {
      return new Summary(1, mean, 0.0, mean, mean);
    }
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double half = studentTQuantile(0.975, n - 1) * sd / Math.sqrt(n);
    return new Summary(n, mean, sd, mean - half, mean + half);
  }

  /** The {@code p}-quantile of Student's t with {@code df} degrees of freedom, 0.5 ≤ p &lt; 1. */
  public static double studentTQuantile(double p, int df) {
    if (!(p >= 0.5 && p < 1) || df < 1) {
      throw new IllegalArgumentException("p = " + p + " (need 0.5 <= p < 1), df = " + df);
    }
    double lo = 0;
    double hi = 1;
    while (studentTCdf(hi, df) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (studentTCdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** CDF of Student's t: for t ≥ 0, 1 − I_x(df/2, 1/2)/2 with x = df/(df + t²). */
  public static double studentTCdf(double t, int df) {
    double x = df / (df + t * t);
    double tail = 0.5 * regularizedIncompleteBeta(x, df / 2.0, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** I_x(a, b), by its continued fraction (Lentz's method), using the symmetry for large x. */
  static double regularizedIncompleteBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront =
        lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * betaFraction(x, a, b) / a;
    }
    return 1 - Math.exp(lnFront) * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 300; m++) {
      int m2 = 2 * m;
      double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms). */
  static double lnGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
    }
    double[] c = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    double y = x - 1;
    double sum = c[0];
    for (int i = 1; i < 9; i++) {
      sum += c[i] / (y + i);
    }
    double t = y + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** Trailing moving average with window {@code w} (shorter at the start). */
  public static double[] movingAverage(double[] x, int w) {
    double[] out = new double[x.length];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i];
      if (i >= w) {
        sum -= x[i - w];
      }
      out[i] = sum / Math.min(i + 1, w);
    }
    return out;
  }
}
