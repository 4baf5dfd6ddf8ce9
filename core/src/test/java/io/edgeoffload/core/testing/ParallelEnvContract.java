package io.edgeoffload.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.space.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The environment contract (Gymnasium/PettingZoo conformance): same seed gives the same trajectory,
 * observations stay inside their spaces, spaces are stable across calls, info values are finite.
 * Every environment's test extends this class.
 */
public abstract class ParallelEnvContract {
  /** A fresh environment, identical on every call. */
  protected abstract ParallelEnv createEnv();

  /** Steps per checked trajectory. */
  protected int steps() {
    return 40;
  }

  /** Actions for one step: by default uniform samples from the action spaces. */
  protected void sampleActions(ParallelEnv env, SplittableRandom rng, float[][] actions) {
    for (int i = 0; i < env.numAgents(); i++) {
      env.actionSpace(i).sample(rng, actions[i]);
    }
  }

  private float[][] newActions(ParallelEnv env) {
    float[][] a = new float[env.numAgents()][];
    for (int i = 0; i < a.length; i++) {
      a[i] = new float[env.actionSpace(i).dim()];
    }
    return a;
  }

  /** Records observations, rewards and info of one trajectory as a flat list of numbers. */
  private List<double[]> trajectory(ParallelEnv env, long seed, long actionSeed) {
    List<double[]> out = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(actionSeed);
    float[][] actions = newActions(env);
    float[][] obs = env.reset(seed);
    for (float[] o : obs) {
      out.add(toDouble(o));
    }
    for (int t = 0; t < steps(); t++) {
      sampleActions(env, rng, actions);
      StepResult r = env.step(actions);
      for (float[] o : r.observations()) {
        out.add(toDouble(o));
      }
      out.add(r.rewards().clone());
      out.add(r.info().clone());
    }
    return out;
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  @Test
  void sameSeedGivesIdenticalTrajectory() {
    List<double[]> a = trajectory(createEnv(), 42, 7);
    List<double[]> b = trajectory(createEnv(), 42, 7);
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).as("record %d", i).isEqualTo(b.get(i));
    }
  }

  @Test
  void resetWithSameSeedReplaysOnTheSameInstance() {
    ParallelEnv env = createEnv();
    List<double[]> a = trajectory(env, 5, 9);
    List<double[]> b = trajectory(env, 5, 9);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).as("record %d", i).isEqualTo(b.get(i));
    }
  }

  @Test
  void differentSeedsGiveDifferentTrajectories() {
    List<double[]> a = trajectory(createEnv(), 1, 7);
    List<double[]> b = trajectory(createEnv(), 2, 7);
    boolean differ = false;
    for (int i = 0; i < a.size() && !differ; i++) {
      differ = !Arrays.equals(a.get(i), b.get(i));
    }
    assertThat(differ).isTrue();
  }

  @Test
  void observationsStayInsideTheirSpaces() {
    ParallelEnv env = createEnv();
    for (long seed = 0; seed < 3; seed++) {
      SplittableRandom rng = new SplittableRandom(seed + 100);
      float[][] actions = newActions(env);
      float[][] obs = env.reset(seed);
      assertThat(obs).hasNumberOfRows(env.numAgents());
      for (int i = 0; i < obs.length; i++) {
        assertThat(env.observationSpace(i).contains(obs[i]))
            .as("reset obs of agent %d: %s", i, Arrays.toString(obs[i]))
            .isTrue();
      }
      for (int t = 0; t < steps(); t++) {
        sampleActions(env, rng, actions);
        StepResult r = env.step(actions);
        for (int i = 0; i < env.numAgents(); i++) {
          Box space = env.observationSpace(i);
          assertThat(space.contains(r.observations()[i]))
              .as("step %d obs of agent %d: %s", t, i, Arrays.toString(r.observations()[i]))
              .isTrue();
          assertThat(Double.isFinite(r.rewards()[i])).as("reward of agent %d", i).isTrue();
        }
        assertThat(r.info()).hasSize(env.infoKeys().size());
        for (int k = 0; k < r.info().length; k++) {
          assertThat(Double.isFinite(r.info()[k])).as("info %s", env.infoKeys().get(k)).isTrue();
        }
      }
    }
  }

  @Test
  void spacesAreStableAcrossCalls() {
    ParallelEnv env = createEnv();
    List<Box> obsBefore = new ArrayList<>();
    List<Box> actBefore = new ArrayList<>();
    for (int i = 0; i < env.numAgents(); i++) {
      obsBefore.add(env.observationSpace(i));
      actBefore.add(env.actionSpace(i));
    }
    List<String> keys = List.copyOf(env.infoKeys());
    trajectory(env, 3, 4);
    for (int i = 0; i < env.numAgents(); i++) {
      assertThat(env.observationSpace(i)).isEqualTo(obsBefore.get(i));
      assertThat(env.actionSpace(i)).isEqualTo(actBefore.get(i));
    }
    assertThat(env.infoKeys()).isEqualTo(keys);
  }

  @Test
  void globalStateIsFinite() {
    ParallelEnv env = createEnv();
    env.reset(11);
    float[] s = env.globalState();
    assertThat(s).isNotEmpty();
    for (float v : s) {
      assertThat(Float.isFinite(v)).isTrue();
    }
  }
}
