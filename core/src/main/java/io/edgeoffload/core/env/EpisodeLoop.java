package io.edgeoffload.core.env;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import java.util.Arrays;

/**
 * The act–step loop of one evaluation episode, shared by the runner and the COLLAB training
 * evaluations: the policy acts on every observation until the environment says done, and each
 * step's info is added to a running sum (in step order, so the sums are the same bytes wherever
 * they are computed).
 */
public final class EpisodeLoop {
  private EpisodeLoop() {}

  /**
   * Runs {@code policy} on {@code env} from the observations {@code obs} of a reset until the
   * episode is done or {@code maxSteps} steps were taken.
   *
   * @param actions work space, one row per agent
   * @param sums the sums of each info key over the episode's steps; zeroed first
   * @return the number of steps taken
   */
  public static int run(
      ParallelEnv env,
      Policy policy,
      float[][] obs,
      float[][] actions,
      double[] sums,
      int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps = " + maxSteps + "; allowed: >= 1");
    }
    Arrays.fill(sums, 0.0);
    int steps = 0;
    StepResult r;
    do {
      policy.act(obs, actions);
      r = env.step(actions);
      double[] info = r.info();
      for (int k = 0; k < sums.length; k++) {
        sums[k] += info[k];
      }
      obs = r.observations();
      steps++;
    } while (!r.done() && steps < maxSteps);
    return steps;
  }
}
