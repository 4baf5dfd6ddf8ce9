package io.edgeoffload.ucms.approval;

/**
 * The ES's approval step (UCMS Sec. 4.2.2, action A_m of eq. 24): it ranks the offloading requests
 * it received. The environment then approves in rank order while the ES's K subchannels (eq. 15i)
 * and storage D_m (eq. 15j) allow, first-fit (a request that does not fit is skipped and smaller
 * later ones may still fit); so no strategy can break a constraint. A request whose score is NaN or
 * +∞ is rejected outright. Rejected UDs compute locally with their own f (MODEL-NOTES UCMS 3).
 *
 * <p>Learning algorithms supply their own strategy (e.g. an ES critic's advantage); the built-in
 * ones are heuristics.
 */
public interface ApprovalStrategy {
  String id();

  /**
   * Writes one score per request; lower is approved first.
   *
   * @param requests what the ES knows of each requesting UD
   * @param server the ES
   * @param ids the requesting UDs, {@code ids[0..count)}
   * @param scores output, {@code scores[i]} for {@code ids[i]}
   */
  void score(Requests requests, int server, int[] ids, int count, double[] scores);

  /** What an ES knows of a UD that asks to offload, in SI units. */
  interface Requests {
    /** β_n, bits. */
    double taskBits(int ud);

    /** φ_n, seconds. */
    double deadline(int ud);

    /** τ^o_n at the UD's chosen power (eq. 7), seconds: its arrival time at the ES. */
    double transmissionDelay(int ud);

    /** ρ₁·(τ^p + τ^o) + ρ₂·e^o at the UD's chosen power, without queueing (eqs. 7–10, 14). */
    double offloadCost(int ud);
  }
}
