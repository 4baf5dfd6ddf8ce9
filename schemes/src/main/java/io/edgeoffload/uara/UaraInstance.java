package io.edgeoffload.uara;

/**
 * One UARA problem (Sec. 3): N_MD devices, N_ES servers, the rates between them and each device's
 * task, in flat primitive arrays. Raw data is filled by {@link Scenario} (or a test) through the
 * array accessors, then {@link #derive()} computes the terms the solvers read. Solvers never write.
 *
 * <p>Our reading of the objective (docs/model-notes.md, UARA): the sum of task delays (eq. 19) plus
 * α·E_i/B_i, the energy E_i a device spends on its task weighted by its remaining battery B_i. A
 * device computing locally spends E_loc,i = δ_cp·f_i; one offloading to ES j spends the transmit
 * energy E_tx,ij. With {@code txEnergy = full-band} (eq. 20 as printed) E_tx,ij = δ_cm·P_i·d_i/R_ij
 * does not depend on the bandwidth share; with {@code allocated} it is δ_cm·P_i times the actual
 * transmit time d_i/(R_ij·y_ij). Local computing then costs L_i = D_MD,i + α·E_loc,i/B_i, which is
 * the paper's D_MD,i + α·G_i/B_i up to a term that does not depend on the association.
 *
 * <p>Substituting the closed forms (22)–(24) for fixed association, the objective becomes (P5)
 *
 * <pre>
 *   J(X) = Σ_i L_i + Σ_j (Σ_{i∈M_j} a_ij)² + Σ_j (Σ_{i∈M_j} p_i·q_j)² + Σ_{i∈M_j} c_ij
 *   a_ij = √(w_i·d_i/R_ij)        communication, eq. (23) squared
 *   p_i·q_j = √(f_i·ρ_i/(F_j·Z_j)) parallel compute, eq. (24) squared
 *   c_ij = f_i(1−ρ_i)/F_j + k_i·d_i/R_ij − L_i    (per-pair cost, derived; see {@link #pairCost})
 * </pre>
 *
 * with (w_i, k_i) = (1, α·δ_cm·P_i/B_i) under full-band and (1 + α·δ_cm·P_i/B_i, 0) under allocated
 * transmit energy. Mains-powered devices have B_i = ∞, so their energy terms vanish.
 */
public final class UaraInstance {
  private final int n;
  private final int m;
  // Raw device data (SI).
  private final double[] bits;
  private final double[] flops;
  private final double[] parallel;
  private final double[] memory;
  private final double[] battery;
  private final double[] txPower;
  private final double[] localCoreFlops;
  private final double[] localCores;
  private final double[] capacity;
  // Raw server data.
  private final double[] coreFlops;
  private final double[] cores;
  private final double[] memoryCapacity;
  // Raw pairs, row-major [i * m + j]: achievable rate R_ij over ES j's whole band (eq. 5).
  private final double[] rate;
  // Parameters.
  private double alpha;
  private double deviceEnergyPerFlop;
  private double serverEnergyPerFlop;
  private double txOverhead;
  private boolean allocatedTxEnergy;
  // Derived by derive().
  private final double[] sqrtComm;
  private final double[] par;
  private final double[] serial;
  private final double[] dOverRWeight;
  private final double[] commWeight;
  private final double[] localCost;
  private final double[] localDelay;
  private final double[] localEnergy;
  private final double[] invSqrtCompute;
  private final double[] invCoreFlops;
  private double localCostSum;

  /** An instance of {@code devices} × {@code servers}, all data zero until filled. */
  public UaraInstance(int devices, int servers) {
    if (devices < 1 || servers < 1) {
      throw new IllegalArgumentException("need at least one device and one server");
    }
    this.n = devices;
    this.m = servers;
    bits = new double[n];
    flops = new double[n];
    parallel = new double[n];
    memory = new double[n];
    battery = new double[n];
    txPower = new double[n];
    localCoreFlops = new double[n];
    localCores = new double[n];
    capacity = new double[n];
    coreFlops = new double[m];
    cores = new double[m];
    memoryCapacity = new double[m];
    rate = new double[n * m];
    sqrtComm = new double[n * m];
    par = new double[n];
    serial = new double[n];
    dOverRWeight = new double[n];
    commWeight = new double[n];
    localCost = new double[n];
    localDelay = new double[n];
    localEnergy = new double[n];
    invSqrtCompute = new double[m];
    invCoreFlops = new double[m];
  }

  public int devices() {
    return n;
  }

  public int servers() {
    return m;
  }

  // ---- raw data, written by the generator before derive() ----

  /** d_i, task input in bits (Table 4). */
  public double[] bits() {
    return bits;
  }

  /** f_i, task work in flops (Table 4). */
  public double[] flops() {
    return flops;
  }

  /** ρ_i, the parallel fraction of the task (Amdahl, eq. 7). */
  public double[] parallelFraction() {
    return parallel;
  }

  /** m_i, VRAM the task occupies on a server, bytes (eq. 13). */
  public double[] memory() {
    return memory;
  }

  /** B_i, remaining battery in joules; +∞ for a mains-powered device. */
  public double[] battery() {
    return battery;
  }

  /** P_i, transmit power in watts. */
  public double[] txPower() {
    return txPower;
  }

  /** F_MD,i, flops per second of one device core (eq. 8). */
  public double[] localCoreFlops() {
    return localCoreFlops;
  }

  /** Z_MD,i, device cores (eq. 8). */
  public double[] localCores() {
    return localCores;
  }

  /** Battery capacity in joules (+∞ for mains), to tell low-battery devices. */
  public double[] batteryCapacity() {
    return capacity;
  }

  /** F_ES,j, flops per second of one server core (eq. 9). */
  public double[] coreFlops() {
    return coreFlops;
  }

  /** Z_ES,j, server cores (eq. 9). */
  public double[] cores() {
    return cores;
  }

  /** (1 − M_j)·VRAM_j, the memory left for tasks on ES j in bytes (eq. 13). */
  public double[] memoryCapacity() {
    return memoryCapacity;
  }

  /** R_ij over ES j's whole band, bit/s, at {@code [i * servers + j]} (eq. 5). */
  public double[] rate() {
    return rate;
  }

  /** Sets the scalar parameters. */
  public UaraInstance parameters(
      double alpha,
      double deviceEnergyPerFlop,
      double serverEnergyPerFlop,
      double txOverhead,
      boolean allocatedTxEnergy) {
    this.alpha = alpha;
    this.deviceEnergyPerFlop = deviceEnergyPerFlop;
    this.serverEnergyPerFlop = serverEnergyPerFlop;
    this.txOverhead = txOverhead;
    this.allocatedTxEnergy = allocatedTxEnergy;
    return this;
  }

  public double alpha() {
    return alpha;
  }

  /** δ_cp, device energy per flop in joules (eq. 20). */
  public double deviceEnergyPerFlop() {
    return deviceEnergyPerFlop;
  }

  /** δ_cp,j, server energy per flop in joules (eq. 18). */
  public double serverEnergyPerFlop() {
    return serverEnergyPerFlop;
  }

  /** δ_cm, drawn power per radiated watt (eq. 16). */
  public double txOverhead() {
    return txOverhead;
  }

  /** True when the transmit energy uses the allocated bandwidth share, not the full band. */
  public boolean allocatedTxEnergy() {
    return allocatedTxEnergy;
  }

  /** Computes the derived terms from the raw data; call after every change of the raw data. */
  public UaraInstance derive() {
    for (int j = 0; j < m; j++) {
      invSqrtCompute[j] = 1.0 / Math.sqrt(coreFlops[j] * cores[j]);
      invCoreFlops[j] = 1.0 / coreFlops[j];
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double f = flops[i];
      double rho = parallel[i];
      // UARA eq. (8): Amdahl on the device's own cores.
      localDelay[i] =
          f * (1 - rho) / localCoreFlops[i] + f * rho / (localCoreFlops[i] * localCores[i]);
      // UARA eq. (20), first term: energy of computing locally.
      localEnergy[i] = deviceEnergyPerFlop * f;
      double perJoule = Double.isInfinite(battery[i]) ? 0.0 : alpha / battery[i];
      localCost[i] = localDelay[i] + perJoule * localEnergy[i];
      sum += localCost[i];
      double k = perJoule * txOverhead * txPower[i];
      commWeight[i] = allocatedTxEnergy ? 1.0 + k : 1.0;
      dOverRWeight[i] = allocatedTxEnergy ? 0.0 : k;
      par[i] = Math.sqrt(f * rho);
      serial[i] = f * (1 - rho);
      int row = i * m;
      for (int j = 0; j < m; j++) {
        // UARA eq. (23): y_ij ∝ √(d_i/R_ij) (weighted by w_i under allocated transmit energy).
        sqrtComm[row + j] = Math.sqrt(commWeight[i] * bits[i] / rate[row + j]);
      }
    }
    localCostSum = sum;
    return this;
  }

  // ---- derived terms, read by solvers ----

  /** a_ij = √(w_i·d_i/R_ij), row-major. */
  public double[] sqrtComm() {
    return sqrtComm;
  }

  /** p_i = √(f_i·ρ_i). */
  public double[] sqrtParallel() {
    return par;
  }

  /** q_j = 1/√(F_j·Z_j), so that p_i·q_j = √(D_ES(p),ij at z = 1). */
  public double[] invSqrtCompute() {
    return invSqrtCompute;
  }

  /** f_i·(1 − ρ_i), the serial work. */
  public double[] serialFlops() {
    return serial;
  }

  /** 1/F_ES,j. */
  public double[] invCoreFlops() {
    return invCoreFlops;
  }

  /** k_i/w_i: the per-pair energy term is this times a_ij² (zero under allocated energy). */
  public double[] pairEnergyCoefficient() {
    return dOverRWeight;
  }

  /** w_i, the weight of device i's transmit time in the objective. */
  public double[] commWeight() {
    return commWeight;
  }

  /** L_i = D_MD,i + α·E_loc,i/B_i, the cost of computing locally. */
  public double[] localCost() {
    return localCost;
  }

  /** D_MD,i (eq. 8). */
  public double[] localDelay() {
    return localDelay;
  }

  /** E_loc,i = δ_cp·f_i (eq. 20). */
  public double[] localEnergy() {
    return localEnergy;
  }

  /** Σ_i L_i: the objective when every device computes locally. */
  public double localCostSum() {
    return localCostSum;
  }

  /**
   * c_ij, the per-pair cost of moving device i from local to ES j, beyond the two squared sums: the
   * serial compute delay f_i(1−ρ_i)/F_j (eq. 9), plus the weighted full-band transmit energy
   * α·δ_cm·P_i·d_i/(R_ij·B_i) (eq. 20), minus the local cost L_i. Derived from the objective: the
   * paper's printed c_ij has the serial and parallel terms exchanged and the sign of α·G_i/B_i
   * flipped (MODEL-NOTES UARA 2).
   */
  public double pairCost(int i, int j) {
    double a = sqrtComm[i * m + j];
    return serial[i] * invCoreFlops[j] + dOverRWeight[i] * a * a - localCost[i];
  }
}
