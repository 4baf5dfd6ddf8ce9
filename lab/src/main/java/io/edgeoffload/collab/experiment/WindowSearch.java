package io.edgeoffload.collab.experiment;

import io.edgeoffload.collab.CollabActions;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabEnvConfig;
import io.edgeoffload.collab.Workload;
import io.edgeoffload.collab.baseline.LocalOnlyPolicy;
import io.edgeoffload.collab.baseline.RotationPolicy;
import io.edgeoffload.collab.baseline.RoundRobinPolicy;
import io.edgeoffload.collab.learn.CollabTraining;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Searches the schedules of one full task window of COLLAB (every MD runs W_max tasks, Sec. IV-A)
 * for the lowest window latency, or the highest eq. (8) reward: not from the paper, an analysis of
 * how good a full-window schedule can be (docs/model-notes.md, COLLAB 12). The environment must be
 * deterministic (fixed task counts and distances, no shadow fading), so that one window's outcome
 * is a function of its schedule; every window of an episode of full windows is then the same
 * problem. A schedule gives each MD i and task position x one of a list of {@link Option}s; {@link
 * #climb} improves it by changing one task, or (with pairs) the tasks of two MDs at one position at
 * once, which is what moving a local task from one MD to another needs; {@link #exhaustive}
 * enumerates a small space.
 */
public final class WindowSearch {
  /** One task's decision: partition point, channel, server and transmit power (W). */
  public record Option(int point, int channel, int server, double power) {}

  /** What the search minimises. */
  public enum Objective {
    /** The window's latency (its slowest MD), then its device energy. */
    LATENCY,
    /** Minus the window's eq. (8) reward. */
    REWARD,
    /** The window's latency per task it runs (for windows that are not full), then energy. */
    PER_TASK
  }

  /**
   * A schedule and its window.
   *
   * @param schedule option index per MD and task position
   * @param evaluations windows simulated to find it
   */
  public record Found(
      double latencyS,
      double energyJ,
      double reward,
      int tasks,
      int[] sizes,
      int[][] schedule,
      long evaluations) {
    /** The window's latency per task it runs, s. */
    public double perTaskS() {
      return latencyS / tasks;
    }

    /**
     * Tasks each MD runs locally within its window size (every partition point but the local one
     * offloads).
     */
    public int[] localTasks(List<Option> options, int localPoint) {
      int[] out = new int[schedule.length];
      for (int i = 0; i < schedule.length; i++) {
        for (int x = 0; x < sizes[i]; x++) {
          if (options.get(schedule[i][x]).point() == localPoint) {
            out[i]++;
          }
        }
      }
      return out;
    }
  }

  private final CollabEnvBase env;
  private final List<Option> options;
  private final int n;
  private final int wMax;
  private final float[][] actions;
  private final int iLatency;
  private final int iEnergy;
  private final int iReward;
  private long evaluations;

  /**
   * @throws IllegalArgumentException when the environment's windows are not deterministic
   */
  public WindowSearch(CollabEnvBase env, List<Option> options) {
    CollabEnvConfig c = env.config();
    if (c.shadowFadingDb() != 0
        || !c.taskModel().equals("fixed")
        || !c.distanceModel().equals("fixed")) {
      throw new IllegalArgumentException(
          "WindowSearch needs a deterministic window: env.shadowFadingDb=0, env.taskModel=fixed"
              + " and env.distanceModel=fixed (got "
              + c.shadowFadingDb()
              + " dB, "
              + c.taskModel()
              + ", "
              + c.distanceModel()
              + ")");
    }
    if (options.isEmpty()) {
      throw new IllegalArgumentException("options: none given");
    }
    this.env = env;
    this.options = List.copyOf(options);
    this.n = env.numAgents();
    this.wMax = c.windowMax();
    this.actions = new float[n][CollabActions.width(wMax)];
    List<String> keys = env.infoKeys();
    this.iLatency = keys.indexOf("latency_s");
    this.iEnergy = keys.indexOf("energy_j");
    this.iReward = keys.indexOf("reward");
  }

  /** Local inference, then the raw input on every channel and server at P_max. */
  public static List<Option> rawOrLocal(CollabEnvBase env) {
    return options(env, new int[] {RoundRobinPolicy.rawInputPoint(env.workload())}, 1);
  }

  /**
   * Local inference, then every other partition point on every channel and server at P_max, P_max/2
   * … (levels powers, halving).
   */
  public static List<Option> allPoints(CollabEnvBase env, int levels) {
    Workload w = env.workload();
    int[] points = new int[w.size() - 1];
    int k = 0;
    for (int s = 0; s < w.size(); s++) {
      if (s != w.localIndex()) {
        points[k++] = s;
      }
    }
    return options(env, points, levels);
  }

  private static List<Option> options(CollabEnvBase env, int[] points, int levels) {
    CollabEnvConfig c = env.config();
    List<Option> out = new ArrayList<>();
    out.add(new Option(env.workload().localIndex(), 0, 0, 0.0));
    for (int s : points) {
      for (int ch = 0; ch < c.numChannels(); ch++) {
        for (int m = 0; m < c.numServers(); m++) {
          double p = c.txPowerMax().watts();
          for (int l = 0; l < levels; l++, p /= 2) {
            out.add(new Option(s, ch, m, p));
          }
        }
      }
    }
    return out;
  }

  public List<Option> options() {
    return options;
  }

  /** The point of local inference (an option with it runs the task on the MD). */
  public int localPoint() {
    return env.workload().localIndex();
  }

  /** The full window of {@code schedule}. */
  public Found evaluate(int[][] schedule) {
    return evaluate(full(), schedule);
  }

  /**
   * The window in which MD i runs {@code sizes[i]} tasks (1..W_max), task x by option {@code
   * schedule[i][x]} (the options past its size are not used).
   */
  public Found evaluate(int[] sizes, int[][] schedule) {
    int tasks = 0;
    for (int i = 0; i < n; i++) {
      CollabActions.fill(actions[i], wMax, sizes[i], localPoint(), 0, 0, 0.0);
      tasks += sizes[i];
      for (int x = 0; x < wMax; x++) {
        Option o = options.get(schedule[i][x]);
        actions[i][CollabActions.point(wMax, x)] = o.point();
        actions[i][CollabActions.channel(wMax, x)] = o.channel();
        actions[i][CollabActions.server(wMax, x)] = o.server();
        actions[i][CollabActions.power(wMax, x)] = (float) o.power();
      }
    }
    return window(sizes, schedule, tasks);
  }

  private int[] full() {
    int[] sizes = new int[n];
    java.util.Arrays.fill(sizes, wMax);
    return sizes;
  }

  /**
   * The first window that {@code policy} schedules, as a schedule over the options.
   *
   * @throws IllegalArgumentException when it does not fill the window, or takes a decision that is
   *     none of the options
   */
  public int[][] scheduleOf(Policy policy) {
    float[][] obs = env.reset(0);
    policy.reset(0);
    policy.act(obs, actions);
    int[][] schedule = new int[n][wMax];
    for (int i = 0; i < n; i++) {
      if (CollabActions.index(actions[i][CollabActions.window()], wMax) + 1 != wMax) {
        throw new IllegalArgumentException(policy.id() + ": MD " + i + " does not fill its window");
      }
      for (int x = 0; x < wMax; x++) {
        schedule[i][x] = optionOf(actions[i], x);
        if (schedule[i][x] < 0) {
          throw new IllegalArgumentException(
              policy.id() + ": MD " + i + ", task " + x + " takes a decision outside the options");
        }
      }
    }
    return schedule;
  }

  private int optionOf(float[] row, int x) {
    int point = CollabActions.index(row[CollabActions.point(wMax, x)], env.workload().size());
    for (int k = 0; k < options.size(); k++) {
      Option o = options.get(k);
      if (o.point() != point) {
        continue;
      }
      if (point == localPoint()
          || (o.channel() == (int) row[CollabActions.channel(wMax, x)]
              && o.server() == (int) row[CollabActions.server(wMax, x)]
              && (float) o.power() == row[CollabActions.power(wMax, x)])) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Best-improvement hill climbing from {@code start} until no move improves: moves change one
   * task's option, and with {@code pairs} also the options of two MDs' tasks at one position.
   */
  public Found climb(int[][] start, Objective objective, boolean pairs) {
    return climb(full(), start, objective, pairs);
  }

  /** {@link #climb(int[][], Objective, boolean)} in the window of {@code sizes}. */
  public Found climb(int[] sizes, int[][] start, Objective objective, boolean pairs) {
    long before = evaluations;
    int[][] s = copy(start);
    Found best = evaluate(sizes, s);
    int k = options.size();
    while (true) {
      Found bestMove = null;
      int[] move = null;
      for (int x = 0; x < wMax; x++) {
        for (int i = 0; i < n; i++) {
          if (x >= sizes[i]) {
            continue;
          }
          int keepI = s[i][x];
          for (int a = 0; a < k; a++) {
            if (a == keepI) {
              continue;
            }
            s[i][x] = a;
            Found f = evaluate(sizes, s);
            if (better(f, bestMove == null ? best : bestMove, objective)) {
              bestMove = f;
              move = new int[] {x, i, a, -1, -1};
            }
            if (pairs) {
              for (int j = i + 1; j < n; j++) {
                if (x >= sizes[j]) {
                  continue;
                }
                int keepJ = s[j][x];
                for (int b = 0; b < k; b++) {
                  if (b == keepJ) {
                    continue;
                  }
                  s[j][x] = b;
                  Found g = evaluate(sizes, s);
                  if (better(g, bestMove == null ? best : bestMove, objective)) {
                    bestMove = g;
                    move = new int[] {x, i, a, j, b};
                  }
                }
                s[j][x] = keepJ;
              }
            }
          }
          s[i][x] = keepI;
        }
      }
      if (bestMove == null) {
        return new Found(
            best.latencyS(),
            best.energyJ(),
            best.reward(),
            best.tasks(),
            sizes.clone(),
            s,
            evaluations - before);
      }
      s[move[1]][move[0]] = move[2];
      if (move[3] >= 0) {
        s[move[3]][move[0]] = move[4];
      }
      best = bestMove;
    }
  }

  /**
   * Hill climbing from {@code restarts} uniformly random schedules and from each of {@code starts}.
   */
  public Found search(
      List<int[][]> starts, int restarts, long seed, Objective objective, boolean pairs) {
    return search(full(), starts, restarts, seed, objective, pairs);
  }

  /** {@link #search(List, int, long, Objective, boolean)} in the window of {@code sizes}. */
  public Found search(
      int[] sizes,
      List<int[][]> starts,
      int restarts,
      long seed,
      Objective objective,
      boolean pairs) {
    long before = evaluations;
    SplittableRandom rng = new SplittableRandom(seed);
    List<int[][]> all = new ArrayList<>(starts);
    for (int r = 0; r < restarts; r++) {
      int[][] s = new int[n][wMax];
      for (int[] row : s) {
        for (int x = 0; x < wMax; x++) {
          row[x] = rng.nextInt(options.size());
        }
      }
      all.add(s);
    }
    Found best = null;
    for (int[][] s : all) {
      Found f = climb(sizes, s, objective, pairs);
      if (best == null || better(f, best, objective)) {
        best = f;
      }
    }
    return withEvaluations(best, evaluations - before);
  }

  /**
   * The window with the least latency per task that hill climbing finds (with pair moves) over
   * every vector of window sizes in non-increasing order (the MDs are alike: one distance, one
   * model), from {@code restarts} random schedules and from one in which MD i offloads every task
   * by option 1 + (i mod (options − 1)).
   */
  public Found bestPerTask(int restarts, long seed) {
    long before = evaluations;
    int[][] spread = new int[n][wMax];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(spread[i], 1 + i % Math.max(1, options.size() - 1));
    }
    int[] sizes = new int[n];
    java.util.Arrays.fill(sizes, 1);
    Found best = null;
    while (true) {
      Found f = search(sizes, List.<int[][]>of(spread), restarts, seed, Objective.PER_TASK, true);
      if (best == null || better(f, best, Objective.PER_TASK)) {
        best = f;
      }
      // the next non-increasing vector over 1..W_max, in lexicographic order
      int i = n - 1;
      while (i >= 0 && sizes[i] == (i == 0 ? wMax : sizes[i - 1])) {
        i--;
      }
      if (i < 0) {
        break;
      }
      sizes[i]++;
      for (int k = i + 1; k < n; k++) {
        sizes[k] = 1;
      }
    }
    return withEvaluations(best, evaluations - before);
  }

  private static Found withEvaluations(Found f, long evaluations) {
    return new Found(
        f.latencyS(), f.energyJ(), f.reward(), f.tasks(), f.sizes(), f.schedule(), evaluations);
  }

  /**
   * Every schedule, for small spaces (options^(N·W_max) windows).
   *
   * @throws IllegalArgumentException beyond 10^7 schedules
   */
  public Found exhaustive(Objective objective) {
    long before = evaluations;
    int cells = n * wMax;
    double count = Math.pow(options.size(), cells);
    if (count > 1e7) {
      throw new IllegalArgumentException(
          "exhaustive: " + (long) count + " schedules; allowed: at most 10^7");
    }
    int[] digits = new int[cells];
    int[][] s = new int[n][wMax];
    Found best = null;
    while (true) {
      for (int c = 0; c < cells; c++) {
        s[c / wMax][c % wMax] = digits[c];
      }
      Found f = evaluate(s);
      if (best == null || better(f, best, objective)) {
        best = new Found(f.latencyS(), f.energyJ(), f.reward(), f.tasks(), f.sizes(), copy(s), 0);
      }
      int c = 0;
      while (c < cells && ++digits[c] == options.size()) {
        digits[c++] = 0;
      }
      if (c == cells) {
        break;
      }
    }
    return withEvaluations(best, evaluations - before);
  }

  /**
   * Single-task hill climbing over this search's options from {@code f}, a window that {@code from}
   * found (whose options must all be among this search's).
   */
  Found refine(WindowSearch from, Found f, Objective objective) {
    int[][] start = new int[n][];
    for (int i = 0; i < n; i++) {
      start[i] = new int[wMax];
      for (int x = 0; x < wMax; x++) {
        start[i][x] = options.indexOf(from.options().get(f.schedule()[i][x]));
      }
    }
    return climb(f.sizes(), start, objective, false);
  }

  /**
   * The Markdown report of {@code ExperimentMain window-search}: for each N, on {@code preset}'s
   * evaluation setting without shadow fading, the window of local-only and of the rotation, and the
   * best windows that hill climbing finds (local or raw input at P_max, with pair moves, from the
   * rotation and {@code restarts} random schedules; then single-task moves over every partition
   * point at three powers).
   */
  static String report(
      String preset, List<String> extra, List<Integer> devices, int restarts, long seed) {
    StringBuilder md = new StringBuilder();
    md.append("| N | local-only window (ms) | rotation window (ms) | its local tasks |")
        .append(
            " best found, latency (ms) | its local tasks | then over all points and powers (ms) |")
        .append(" rotation reward | best found, reward | windows simulated |\n")
        .append("|---:|---:|---:|---|---:|---|---:|---:|---:|---:|\n");
    for (int nd : devices) {
      CollabEnvBase env = deterministic(preset, extra, nd);
      WindowSearch raw = new WindowSearch(env, rawOrLocal(env));
      int[][] rot = raw.scheduleOf(new RotationPolicy(env));
      Found rotation = raw.evaluate(rot);
      Found local = raw.evaluate(new int[nd][env.config().windowMax()]);
      Found lat = raw.search(List.<int[][]>of(rot), restarts, seed, Objective.LATENCY, true);
      Found rew = raw.search(List.<int[][]>of(rot), restarts, seed, Objective.REWARD, true);
      Found refined = new WindowSearch(env, allPoints(env, 3)).refine(raw, lat, Objective.LATENCY);
      md.append(
          String.format(
              java.util.Locale.ROOT,
              "| %d | %.2f | %.2f | %s | %.2f | %s | %.2f | %.4f | %.4f | %d |%n",
              nd,
              local.latencyS() * 1e3,
              rotation.latencyS() * 1e3,
              java.util.Arrays.toString(rotation.localTasks(raw.options(), raw.localPoint())),
              lat.latencyS() * 1e3,
              java.util.Arrays.toString(lat.localTasks(raw.options(), raw.localPoint())),
              refined.latencyS() * 1e3,
              rotation.reward(),
              rew.reward(),
              lat.evaluations() + rew.evaluations() + refined.evaluations()));
    }
    return md.toString();
  }

  /**
   * The Markdown report of windows of any size ({@code ExperimentMain window-search}): for each N,
   * the least latency per task of a window that {@link #bestPerTask} finds with k = 1…N MDs running
   * tasks (an MD whose queue is empty runs none), and what it implies for an episode of 50 tasks
   * per MD: every window takes at least its tasks times that least latency per task, so an episode
   * takes at least 50·N times the smallest of them, if the search found the true least. Beside it:
   * round-robin's and the rotation's episodes on the same deterministic setting.
   */
  static String anySizeReport(
      String preset, List<String> extra, List<Integer> devices, int restarts, long seed) {
    StringBuilder md = new StringBuilder();
    md.append("| N | least latency per task found (ms), k = 1…N MDs with tasks |")
        .append(" its window sizes | its local tasks | episode bound 50·N·min (ms) |")
        .append(" round-robin episode (ms) | rotation episode (ms) | local-only episode (ms) |")
        .append(" windows simulated |\n")
        .append("|---:|---|---|---|---:|---:|---:|---:|---:|\n");
    for (int nd : devices) {
      StringBuilder perK = new StringBuilder();
      boolean refinedBetter = false;
      Found best = null;
      long evaluations = 0;
      for (int k = 1; k <= nd; k++) {
        CollabEnvBase env = deterministic(preset, extra, k);
        WindowSearch ws = new WindowSearch(env, rawOrLocal(env));
        Found f = ws.bestPerTask(restarts, seed);
        evaluations += f.evaluations();
        // then single-task moves over every partition point, channel, server and three powers
        Found refined = new WindowSearch(env, allPoints(env, 3)).refine(ws, f, Objective.PER_TASK);
        evaluations += refined.evaluations();
        if (better(refined, f, Objective.PER_TASK)) {
          // keep the raw-or-local schedule for the table's local counts; note the refinement
          refinedBetter = true;
        }
        perK.append(k == 1 ? "" : ", ")
            .append(String.format(java.util.Locale.ROOT, "%.3f", f.perTaskS() * 1e3));
        if (best == null || better(f, best, Objective.PER_TASK)) {
          best = f;
        }
      }
      CollabEnvBase env = deterministic(preset, extra, nd);
      int[] local = best.localTasks(rawOrLocal(env), env.workload().localIndex());
      int iLatency = CollabTraining.metricNames().indexOf("total_latency_s");
      double rr = CollabTraining.evaluate(new RoundRobinPolicy(env), env, 1, 1)[iLatency];
      double rot = CollabTraining.evaluate(new RotationPolicy(env), env, 1, 1)[iLatency];
      double loc = CollabTraining.evaluate(new LocalOnlyPolicy(env), env, 1, 1)[iLatency];
      md.append(
          String.format(
              java.util.Locale.ROOT,
              "| %d | %s%s | %s | %s | %.1f | %.1f | %.1f | %.1f | %d |%n",
              nd,
              perK,
              refinedBetter ? " (lower with other points or powers)" : "",
              java.util.Arrays.toString(best.sizes()),
              java.util.Arrays.toString(local),
              50.0 * nd * best.perTaskS() * 1e3,
              rr * 1e3,
              rot * 1e3,
              loc * 1e3,
              evaluations));
    }
    return md.toString();
  }

  /**
   * {@code preset}'s evaluation setting without shadow fading, with {@code extra} ({@code
   * env.key=value}) and {@code devices} MDs.
   */
  static CollabEnvBase deterministic(String preset, List<String> extra, int devices) {
    List<String> sets = new ArrayList<>(CollabSetup.evalSets(List.of()));
    sets.add("env.shadowFadingDb=0");
    sets.addAll(extra);
    sets.add("env.numDevices=" + devices);
    return CollabSetup.env(preset, sets);
  }

  private Found window(int[] sizes, int[][] schedule, int tasks) {
    env.reset(0);
    StepResult r = env.step(actions);
    evaluations++;
    double[] info = r.info();
    return new Found(info[iLatency], info[iEnergy], info[iReward], tasks, sizes, schedule, 0);
  }

  /** Whether {@code a} is better than {@code b} by more than rounding. */
  static boolean better(Found a, Found b, Objective objective) {
    double eps = 1e-12;
    if (objective == Objective.REWARD) {
      return a.reward() > b.reward() + eps * Math.max(1, Math.abs(b.reward()));
    }
    if (objective == Objective.PER_TASK) {
      double pa = a.perTaskS();
      double pb = b.perTaskS();
      double tol = eps * Math.max(1e-6, pb);
      return pa < pb - tol
          || (pa <= pb + tol && a.energyJ() / a.tasks() < b.energyJ() / b.tasks() * (1 - eps));
    }
    double tol = eps * Math.max(1e-3, b.latencyS());
    if (a.latencyS() < b.latencyS() - tol) {
      return true;
    }
    return a.latencyS() <= b.latencyS() + tol
        && a.energyJ() < b.energyJ() - eps * Math.max(1e-6, b.energyJ());
  }

  private static int[][] copy(int[][] a) {
    int[][] out = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
