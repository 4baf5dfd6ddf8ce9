package io.edgeoffload.ucms.selection;

/**
 * The data of one slot's UD–ES selection problem (UCMS P2, eqs. 16a–16c): what each side knows of
 * the other. The environment fills it every slot; arrays are reused.
 */
public final class SelectionProblem {
  private final int users;
  private final int servers;
  private final int capacity;

  /** userCost[n][m]: UD n's own predicted offloading cost at ES m, ρ₁·τ^a + ρ₂·e^o (eq. 18). */
  final double[][] userCost;

  /** serverScore[n][m]: ES m's selection value of UD n, τ^a_{n,m} (eq. 19). */
  final double[][] serverScore;

  /**
   * @param users N
   * @param servers M
   * @param capacity z_max, the user capacity of every ES (eq. 16c)
   */
  public SelectionProblem(int users, int servers, int capacity) {
    if (users < 1 || servers < 1 || capacity < 1) {
      throw new IllegalArgumentException(
          "users, servers and capacity must be >= 1: " + users + ", " + servers + ", " + capacity);
    }
    this.users = users;
    this.servers = servers;
    this.capacity = capacity;
    this.userCost = new double[users][servers];
    this.serverScore = new double[users][servers];
  }

  public int users() {
    return users;
  }

  public int servers() {
    return servers;
  }

  public int capacity() {
    return capacity;
  }

  /** Sets what UD n and ES m know of each other: eq. (18)'s term and eq. (19). */
  public void set(int n, int m, double userCostOfServer, double serverScoreOfUser) {
    userCost[n][m] = userCostOfServer;
    serverScore[n][m] = serverScoreOfUser;
  }

  public double userCost(int n, int m) {
    return userCost[n][m];
  }

  public double serverScore(int n, int m) {
    return serverScore[n][m];
  }
}
