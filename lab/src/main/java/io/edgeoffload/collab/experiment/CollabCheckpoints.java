package io.edgeoffload.collab.experiment;

import io.edgeoffload.collab.learn.CollabTraining.Checkpointer;
import io.edgeoffload.collab.learn.CollabTraining.Position;
import io.edgeoffload.collab.learn.CollabTraining.Resume;
import io.edgeoffload.collab.learn.EmhPpo;
import io.edgeoffload.lab.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The checkpoints of a training run of the COLLAB experiments ({@value CollabRunKinds#CURVE} and
 * {@value CollabRunKinds#VARIANTS}), in the run's {@code checkpoint/} folder.
 *
 * <p>A save writes the learner as {@code learner-<step>.bin} and the evaluation rows so far (none
 * for a run that does not evaluate while it trains) as {@code curve-<step>.csv} (each atomically),
 * then {@code state.properties}, which names both and holds the loop's {@link Position}: writing it
 * is the commit. Files that the state does not name are left-overs of an earlier save or of a cut
 * one, and are deleted. A restore reads only what the state names, so a run stopped at any instant
 * resumes from its last committed save.
 */
final class CollabCheckpoints implements Checkpointer {
  static final String STATE = "state.properties";

  private final Path dir;
  private final EmhPpo learner;

  CollabCheckpoints(Path runDir, EmhPpo learner) {
    this.dir = runDir.resolve("checkpoint");
    this.learner = learner;
  }

  /**
   * Restores the learner from the last committed save and returns where to continue, or null when
   * there is none.
   *
   * @throws UncheckedIOException when a committed save cannot be read
   */
  Resume restore() {
    Path state = dir.resolve(STATE);
    if (!Files.exists(state)) {
      return null;
    }
    try {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(state)) {
        p.load(r);
      }
      Position at =
          new Position(
              Long.parseLong(required(p, "step")),
              Integer.parseInt(required(p, "episode")),
              Long.parseLong(required(p, "updates")));
      learner.load(dir.resolve(required(p, "learner")));
      List<double[]> rows = readRows(dir.resolve(required(p, "curve")));
      return new Resume(at, rows);
    } catch (IOException | NumberFormatException e) {
      throw new UncheckedIOException(
          new IOException("cannot resume from " + state + ": " + e.getMessage(), e));
    }
  }

  @Override
  public void save(Position at, List<double[]> rows) {
    String learnerFile = "learner-" + at.step() + ".bin";
    String curveFile = "curve-" + at.step() + ".csv";
    try {
      Files.createDirectories(dir);
      learner.save(dir.resolve(learnerFile));
      AtomicFiles.write(dir.resolve(curveFile), writeRows(rows));
      Properties p = new Properties();
      p.setProperty("step", Long.toString(at.step()));
      p.setProperty("episode", Integer.toString(at.episode()));
      p.setProperty("updates", Long.toString(at.updates()));
      p.setProperty("learner", learnerFile);
      p.setProperty("curve", curveFile);
      StringWriter w = new StringWriter();
      p.store(w, "COLLAB training checkpoint: the files it names are complete");
      AtomicFiles.write(dir.resolve(STATE), w.toString()); // the commit
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          boolean ours = name.startsWith("learner-") || name.startsWith("curve-");
          if (ours && !name.equals(learnerFile) && !name.equals(curveFile)) {
            Files.deleteIfExists(f);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save a checkpoint in " + dir, e);
    }
  }

  /** The trained learner a completed run keeps in its folder, for a later look at its policy. */
  static final String FINAL = "learner.bin";

  /** The run is complete: keeps its trained learner as {@value #FINAL}, deletes the checkpoints. */
  void finish() {
    try {
      learner.save(dir.getParent().resolve(FINAL));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the trained learner beside " + dir, e);
    }
    clear();
  }

  /** Deletes the checkpoints. */
  void clear() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the checkpoints in " + dir, e);
    }
  }

  private static String required(Properties p, String key) throws IOException {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IOException("missing key " + key);
    }
    return v;
  }

  /** One row per line; doubles as Java writes them, which read back to the same bits. */
  private static String writeRows(List<double[]> rows) {
    StringBuilder sb = new StringBuilder();
    for (double[] row : rows) {
      for (int k = 0; k < row.length; k++) {
        sb.append(k == 0 ? "" : ",").append(Double.toString(row[k]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static List<double[]> readRows(Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(",", -1);
      double[] row = new double[parts.length];
      for (int k = 0; k < parts.length; k++) {
        row[k] = Double.parseDouble(parts[k]);
      }
      rows.add(row);
    }
    return rows;
  }
}
