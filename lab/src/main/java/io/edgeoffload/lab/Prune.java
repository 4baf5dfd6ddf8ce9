package io.edgeoffload.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Prunes finished training runs to their policies ({@link Trainer#prune}): the disk a finished
 * reproduction needs shrinks from its checkpoints (hundreds of MB per 48-agent UCMS run) to what
 * evaluating it needs, and every reader of a trained learner still finds it.
 *
 * <p>A path is a training run folder of {@code edgeoffload train} (its {@code config.yaml} and
 * {@code checkpoint.properties}), a run folder of a sweep or reproduction ({@code run.yaml}, with
 * the training in {@code train/}), or a folder holding such run folders: a sweep or reproduction
 * folder ({@code DIR/runs/*}) or any folder of them ({@code DIR/*}). Runs still training are left
 * alone and listed; runs without a training (evaluations, COLLAB's own runs, whose learners are
 * small) are passed over.
 */
public final class Prune {
  private Prune() {}

  /** A training found under a path: the folder with its checkpoint, and the config file. */
  record Training(Path dir, Path configFile, String scheme, String preset) {}

  /**
   * What a prune did. {@code freed}: the bytes of the checkpoints removed less those of the
   * policies written (a checkpoint hard-linked into another run, as an adopted training is, is
   * counted with each run, and its disk comes back when the last of them is pruned).
   */
  public record Report(int pruned, int already, int unfinished, long freed) {}

  /** The trainings under {@code paths}, in path order, each folder's runs sorted by name. */
  static List<Training> find(List<Path> paths) {
    List<Training> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        throw new ConfigException("PATH", p, "is not a folder");
      }
      Training t = training(p);
      if (t != null) {
        out.add(t);
        continue;
      }
      Path runs = p.resolve("runs");
      Path parent = Files.isDirectory(runs) ? runs : p;
      try (Stream<Path> children = Files.list(parent)) {
        for (Path c : children.filter(Files::isDirectory).sorted().toList()) {
          Training ct = training(c);
          if (ct != null) {
            out.add(ct);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + parent, e);
      }
    }
    return out;
  }

  /** The training in run folder {@code dir}, or null where it holds none. */
  private static Training training(Path dir) {
    Path runYaml = dir.resolve("run.yaml");
    Path train = dir.resolve("train");
    if (Files.isRegularFile(runYaml)
        && Files.isRegularFile(train.resolve(Trainer.STATE))
        && Files.isRegularFile(dir.resolve(io.edgeoffload.lab.sweep.RunExecutor.RESULT))) {
      JsonNode run = ConfigLoader.readFile(runYaml).path("run");
      return new Training(train, runYaml, run.path("scheme").asText(), run.path("preset").asText());
    }
    Path configYaml = dir.resolve("config.yaml");
    if (Files.isRegularFile(configYaml) && Files.isRegularFile(dir.resolve(Trainer.STATE))) {
      JsonNode run = ConfigLoader.readFile(configYaml).path("run");
      if (run.has("algorithm")) {
        return new Training(
            dir, configYaml, run.path("scheme").asText(), run.path("preset").asText());
      }
    }
    return null;
  }

  /**
   * Prunes every finished training under {@code paths}, one line per run to {@code w} (with {@code
   * dryRun}, only says what it would prune and the checkpoint bytes at stake).
   */
  public static Report run(List<Path> paths, boolean dryRun, PrintWriter w) {
    List<Training> found = find(paths);
    int pruned = 0;
    int already = 0;
    int unfinished = 0;
    long freed = 0;
    Progress progress = dryRun ? null : new Progress("prune", found.size());
    for (Training t : found) {
      Properties state = state(t.dir());
      boolean finished;
      try {
        finished = Trainer.complete(state);
      } catch (NumberFormatException e) {
        throw new ConfigException(
            Trainer.STATE,
            t.dir().resolve(Trainer.STATE),
            "holds an unreadable number (" + e.getMessage() + ")");
      }
      long size = size(t.dir().resolve(Trainer.CHECKPOINT)) + size(t.dir().resolve(Trainer.BEST));
      String line;
      if (!finished) {
        unfinished++;
        line =
            "training (not pruned): "
                + state.getProperty("done")
                + " of "
                + state.getProperty("episodes")
                + " episodes";
      } else if (Trainer.pruned(t.dir(), state)) {
        already++;
        line = null; // counted in the summary line only
      } else if (dryRun) {
        pruned++;
        freed += size;
        line = String.format(Locale.ROOT, "would prune: %s of checkpoints", mib(size));
      } else {
        long f = prune(t);
        pruned++;
        freed += f;
        line = String.format(Locale.ROOT, "pruned: %s of checkpoints removed", mib(f));
      }
      if (line != null) {
        w.printf(Locale.ROOT, "%s  %s%n", t.dir(), line);
        w.flush();
      }
      if (progress != null) {
        progress.advance(1);
      }
    }
    if (progress != null) {
      progress.finish();
    }
    w.printf(
        Locale.ROOT,
        "%s %d finished training runs (%s), %d pruned already, %d still training%n",
        dryRun ? "would prune" : "pruned",
        pruned,
        mib(freed) + (dryRun ? " of checkpoints" : " of checkpoints removed"),
        already,
        unfinished);
    w.flush();
    return new Report(pruned, already, unfinished, freed);
  }

  private static long prune(Training t) {
    ResolvedConfig<?> resolved =
        ResolvedConfig.resolve(Schemes.get(t.scheme()), t.preset(), t.configFile(), List.of());
    return prune(resolved, t.dir());
  }

  private static <C> long prune(ResolvedConfig<C> resolved, Path dir) {
    @SuppressWarnings("unchecked")
    Scheme<C, io.edgeoffload.core.ParallelEnv> scheme =
        (Scheme<C, io.edgeoffload.core.ParallelEnv>) resolved.scheme();
    return Trainer.prune(scheme, resolved.config(), dir);
  }

  private static Properties state(Path dir) {
    try {
      return Trainer.state(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(Trainer.STATE), e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.isRegularFile(f) ? Files.size(f) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + f, e);
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
