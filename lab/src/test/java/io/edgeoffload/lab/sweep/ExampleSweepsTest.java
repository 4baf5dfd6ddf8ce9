package io.edgeoffload.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sweep spec shipped in examples/sweeps parses and plans (keys, presets, learners, kinds).
 */
class ExampleSweepsTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "sweeps");

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void plans(Path spec) {
    List<RunSpec> runs = Sweeps.plan(SweepSpec.read(spec));
    assertThat(runs).isNotEmpty();
    assertThat(runs.stream().map(RunSpec::id).distinct()).hasSize(runs.size());
  }

  @org.junit.jupiter.api.Test
  void theExamplesAreFound() throws IOException {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(10);
  }
}
