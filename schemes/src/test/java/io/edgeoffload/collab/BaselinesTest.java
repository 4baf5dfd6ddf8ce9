package io.edgeoffload.collab;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.collab.baseline.GreedyPartitionPolicy;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  @Test
  void neurosurgeonChoosesOnlyChainCutsAndGreedyMayChooseAny() {
    CollabEnvBase env = CollabFixtures.env("collab-wide", "env.model=googlenet");
    float[][] obs = env.reset(3);
    int aw = env.actionSpace(0).dim();
    float[][] ns = new float[3][aw];
    new GreedyPartitionPolicy("neurosurgeon", env, true).act(obs, ns);
    for (int i = 0; i < 3; i++) {
      for (int x = 0; x < 5; x++) {
        int s = (int) ns[i][CollabActions.point(5, x)];
        assertThat(env.workload().isChainCut(s)).isTrue();
      }
    }
  }

  @Test
  void aloneTheGreedyPolicyPicksTheCheapestPointByBruteForce() {
    CollabEnvBase env =
        CollabFixtures.env(
            "collab-wide",
            "env.numDevices=1",
            "env.shadowFadingDb=0",
            "env.distanceModel=fixed",
            "env.taskModel=fixed",
            "env.fixedTasks=1");
    float[][] obs = env.reset(1);
    float[][] a = new float[1][env.actionSpace(0).dim()];
    new GreedyPartitionPolicy("greedy", env, false).act(obs, a);
    int chosen = (int) a[0][CollabActions.point(5, 0)];
    // one task, one MD, no fading: the env's own reward of every point, best one chosen
    double best = Double.NEGATIVE_INFINITY;
    double chosenReward = 0;
    for (int s = 0; s < env.workload().size(); s++) {
      env.reset(1);
      float[][] b = new float[1][env.actionSpace(0).dim()];
      CollabActions.fill(b[0], 5, 1, s, 0, 0, 1.0);
      double r = env.step(b).rewards()[0];
      best = Math.max(best, r);
      if (s == chosen) {
        chosenReward = r;
      }
    }
    assertThat(chosenReward).isEqualTo(best);
  }
}
