package io.edgeoffload.rl.dist;

import java.util.random.RandomGenerator;

/**
 * Independent heads over one flat parameter row (a parameterised action space, as in H-PPO and
 * MAHPPO): K {@link Categorical} heads, each with its own size and mask, and one {@link
 * DiagGaussian} head, laid out by a {@link HybridLayout}. The heads are independent, so
 *
 * <pre>
 *   log π(a) = Σ_h log π_h(a_h)        H = Σ_h H_h
 * </pre>
 *
 * and the gradient row is the heads' gradients side by side, in parameter order. An error in one
 * head (e.g. a head whose actions are all masked) names the head.
 */
public final class HybridDistribution implements Distribution {
  private final HybridLayout layout;
  private final Categorical[] heads;
  private final DiagGaussian gaussian;

  public HybridDistribution(HybridLayout layout) {
    this.layout = layout;
    this.heads = new Categorical[layout.numCategorical()];
    for (int h = 0; h < heads.length; h++) {
      heads[h] = new Categorical(layout.categoricalSize(h));
    }
    this.gaussian = layout.gaussianDim() > 0 ? new DiagGaussian(layout.gaussianDim()) : null;
  }

  public HybridLayout layout() {
    return layout;
  }

  /** Categorical head h. */
  public Categorical head(int h) {
    return heads[h];
  }

  /** The Gaussian head, or null if the layout has none. */
  public DiagGaussian gaussian() {
    return gaussian;
  }

  @Override
  public int paramWidth() {
    return layout.paramWidth();
  }

  @Override
  public int actionWidth() {
    return layout.actionWidth();
  }

  @Override
  public int maskWidth() {
    return layout.maskWidth();
  }

  private IllegalArgumentException inHead(int h, IllegalArgumentException e) {
    return new IllegalArgumentException(
        "categorical head " + h + " (of " + heads.length + "): " + e.getMessage(), e);
  }

  @Override
  public double logProb(double[] p, int po, boolean[] mask, int mo, double[] a, int ao) {
    double lp = 0;
    for (int h = 0; h < heads.length; h++) {
      try {
        lp +=
            heads[h].logProb(
                p,
                po + layout.paramOffset(h),
                mask,
                mo + layout.maskOffset(h),
                a,
                ao + layout.actionOffset(h));
      } catch (IllegalArgumentException e) {
        throw inHead(h, e);
      }
    }
    if (gaussian != null) {
      lp +=
          gaussian.logProb(
              p, po + layout.gaussianParamOffset(), null, 0, a, ao + layout.gaussianActionOffset());
    }
    return lp;
  }

  @Override
  public double entropy(double[] p, int po, boolean[] mask, int mo) {
    double ent = 0;
    for (int h = 0; h < heads.length; h++) {
      try {
        ent += heads[h].entropy(p, po + layout.paramOffset(h), mask, mo + layout.maskOffset(h));
      } catch (IllegalArgumentException e) {
        throw inHead(h, e);
      }
    }
    if (gaussian != null) {
      ent += gaussian.entropy(p, po + layout.gaussianParamOffset(), null, 0);
    }
    return ent;
  }

  @Override
  public void sample(
      double[] p, int po, boolean[] mask, int mo, RandomGenerator rng, double[] out, int oo) {
    for (int h = 0; h < heads.length; h++) {
      try {
        heads[h].sample(
            p,
            po + layout.paramOffset(h),
            mask,
            mo + layout.maskOffset(h),
            rng,
            out,
            oo + layout.actionOffset(h));
      } catch (IllegalArgumentException e) {
        throw inHead(h, e);
      }
    }
    if (gaussian != null) {
      gaussian.sample(
          p,
          po + layout.gaussianParamOffset(),
          null,
          0,
          rng,
          out,
          oo + layout.gaussianActionOffset());
    }
  }

  @Override
  public void mode(double[] p, int po, boolean[] mask, int mo, double[] out, int oo) {
    for (int h = 0; h < heads.length; h++) {
      try {
        heads[h].mode(p, po + layout.paramOffset(h), mask, mo + layout.maskOffset(h), out, oo + h);
      } catch (IllegalArgumentException e) {
        throw inHead(h, e);
      }
    }
    if (gaussian != null) {
      gaussian.mode(
          p, po + layout.gaussianParamOffset(), null, 0, out, oo + layout.gaussianActionOffset());
    }
  }

  @Override
  public void addLogProbGrad(
      double[] p,
      int po,
      boolean[] mask,
      int mo,
      double[] a,
      int ao,
      double scale,
      double[] grad,
      int go) {
    for (int h = 0; h < heads.length; h++) {
      try {
        heads[h].addLogProbGrad(
            p,
            po + layout.paramOffset(h),
            mask,
            mo + layout.maskOffset(h),
            a,
            ao + layout.actionOffset(h),
            scale,
            grad,
            go + layout.paramOffset(h));
      } catch (IllegalArgumentException e) {
        throw inHead(h, e);
      }
    }
    if (gaussian != null) {
      gaussian.addLogProbGrad(
          p,
          po + layout.gaussianParamOffset(),
          null,
          0,
          a,
          ao + layout.gaussianActionOffset(),
          scale,
          grad,
          go + layout.gaussianParamOffset());
    }
  }

  @Override
  public void addEntropyGrad(
      double[] p, int po, boolean[] mask, int mo, double scale, double[] grad, int go) {
    for (int h = 0; h < heads.length; h++) {
      try {
        heads[h].addEntropyGrad(
            p,
            po + layout.paramOffset(h),
            mask,
            mo + layout.maskOffset(h),
            scale,
            grad,
            go + layout.paramOffset(h));
      } catch (IllegalArgumentException e) {
        throw inHead(h, e);
      }
    }
    if (gaussian != null) {
      gaussian.addEntropyGrad(
          p,
          po + layout.gaussianParamOffset(),
          null,
          0,
          scale,
          grad,
          go + layout.gaussianParamOffset());
    }
  }
}
