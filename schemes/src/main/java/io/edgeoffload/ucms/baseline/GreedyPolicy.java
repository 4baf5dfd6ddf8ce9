package io.edgeoffload.ucms.baseline;

import io.edgeoffload.core.Policy;
import io.edgeoffload.ucms.UcmsEnv;
import io.edgeoffload.ucms.UcmsEnvConfig;
import io.edgeoffload.ucms.UcmsModel;
import io.edgeoffload.ucms.selection.SelectionPolicy;

/**
 * Myopic per-UD choice: each UD predicts the cost of computing locally and of offloading to its
 * co-selected ES, each at its best setting, and takes the cheaper (ties go local).
 *
 * <p>The predicted cost of an option is its cost (eq. 14) plus the deadline part of the penalty
 * (eq. 25), ρ₁·max(τ − φ, 0). Locally, g(f) = ρ₁·βc/f + ρ₂·κβc·f² + ρ₁·max(βc/f − φ, 0) is convex
 * in f, so its minimum over [f_min, f_max] lies at a bound, at the kink f = βc/φ, or at a regime's
 * stationary point (ρ₁/(2ρ₂κ))^{1/3} or (2ρ₁/(2ρ₂κ))^{1/3}: all are evaluated. Offloading, the cost
 * of power p is minimised by golden-section search on [p_min, p_max] (plus both ends), without
 * queueing, which the UD cannot see. A UD with no ES computes locally.
 */
public final class GreedyPolicy implements Policy {
  private static final double INV_PHI = (Math.sqrt(5.0) - 1.0) / 2.0;
  private static final int GOLDEN_STEPS = 40;

  private final UcmsEnv env;
  private final UcmsEnvConfig c;

  public GreedyPolicy(UcmsEnv env) {
    this.env = env;
    this.c = env.config();
  }

  @Override
  public String id() {
    return "greedy";
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    double fMax = c.localFreqMax().hertz();
    double pMax = c.txPowerMax().watts();
    for (int u = 0; u < actions.length; u++) {
      double bits = env.taskBits(u);
      double cpb = env.cyclesPerBit(u);
      double phi = env.deadline(u);
      double f = bestLocalFrequency(c, bits, cpb, phi);
      double local = localCost(c, bits, cpb, phi, f);
      int s = env.assignedServer(u);
      boolean offload = false;
      double p = pMax;
      if (s != SelectionPolicy.UNASSIGNED) {
        double g = env.gain(u, s);
        p = bestPower(c, bits, cpb, phi, g);
        offload = offloadCost(c, bits, cpb, phi, g, p) < local;
      }
      actions[u][0] = offload ? 1f : 0f;
      actions[u][1] = (float) Math.min(1.0, f / fMax); // inverts eq. (22)
      actions[u][2] = (float) Math.min(1.0, p / pMax); // inverts eq. (23)
    }
  }

  /** Local cost plus deadline penalty at frequency f (eqs. 3, 4, 14, 25). */
  static double localCost(UcmsEnvConfig c, double bits, double cpb, double phi, double f) {
    double tau = UcmsModel.localDelay(bits, cpb, f);
    double e = UcmsModel.localEnergy(c.kappa(), bits, cpb, f);
    return UcmsModel.cost(c.rho1(), c.rho2(), tau, e) + c.rho1() * Math.max(tau - phi, 0.0);
  }

  /** Offloading cost plus deadline penalty at power p, no queueing (eqs. 6–10, 14, 25). */
  static double offloadCost(
      UcmsEnvConfig c, double bits, double cpb, double phi, double gain, double p) {
    double tauO = UcmsModel.transmissionDelay(bits, UcmsModel.rate(c.subchannelHz(), p, gain));
    double tau = UcmsModel.processingDelay(bits, cpb, c.serverFreq().hertz()) + tauO;
    double e = UcmsModel.offloadEnergy(p, tauO);
    return UcmsModel.cost(c.rho1(), c.rho2(), tau, e) + c.rho1() * Math.max(tau - phi, 0.0);
  }

  /** The frequency in [f_min, f_max] that minimises {@link #localCost} (convex: see class doc). */
  static double bestLocalFrequency(UcmsEnvConfig c, double bits, double cpb, double phi) {
    double lo = c.localFreqMin().hertz();
    double hi = c.localFreqMax().hertz();
    double k2 = 2.0 * c.rho2() * c.kappa();
    double[] candidates = {
      lo,
      hi,
      bits * cpb / phi,
      k2 > 0 ? Math.cbrt(c.rho1() / k2) : hi,
      k2 > 0 ? Math.cbrt(2.0 * c.rho1() / k2) : hi
    };
    double best = hi;
    double bestCost = Double.POSITIVE_INFINITY;
    for (double f : candidates) {
      double x = Math.min(hi, Math.max(lo, f));
      double v = localCost(c, bits, cpb, phi, x);
      if (v < bestCost) {
        bestCost = v;
        best = x;
      }
    }
    return best;
  }

  /** The power in [p_min, p_max] that minimises {@link #offloadCost}, by golden section. */
  static double bestPower(UcmsEnvConfig c, double bits, double cpb, double phi, double gain) {
    double lo = c.txPowerMin().watts();
    double hi = c.txPowerMax().watts();
    double a = lo;
    double b = hi;
    double x1 = b - INV_PHI * (b - a);
    double x2 = a + INV_PHI * (b - a);
    double f1 = offloadCost(c, bits, cpb, phi, gain, x1);
    double f2 = offloadCost(c, bits, cpb, phi, gain, x2);
    for (int i = 0; i < GOLDEN_STEPS; i++) {
      if (f1 <= f2) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - INV_PHI * (b - a);
        f1 = offloadCost(c, bits, cpb, phi, gain, x1);
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + INV_PHI * (b - a);
        f2 = offloadCost(c, bits, cpb, phi, gain, x2);
      }
    }
    double best = f1 <= f2 ? x1 : x2;
    double bestCost = Math.min(f1, f2);
    for (double end : new double[] {lo, hi}) {
      double v = offloadCost(c, bits, cpb, phi, gain, end);
      if (v < bestCost) {
        bestCost = v;
        best = end;
      }
    }
    return best;
  }
}
