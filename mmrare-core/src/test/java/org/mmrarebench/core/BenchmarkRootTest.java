package org.mmrarebench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link Benchmark#load()} looks for a release, in order, and when it falls back to the sample. */
class BenchmarkRootTest {
  @Test
  void loadFallsBackToTheSampleOnlyWhenNothingIsConfigured(@TempDir Path home) throws Exception {
    Path root = Files.createDirectories(home.resolve("release"));
    assertEquals(Optional.empty(), Benchmark.resolveRoot(null, null, null, home.toString()));
    assertEquals(Optional.of(root), Benchmark.resolveRoot(root.toString(), null, null, home.toString()));
    Path lmu = Files.createDirectories(home.resolve("LMUData/MMrarebench"));
    assertEquals(Optional.of(lmu), Benchmark.resolveRoot(null, null, null, home.toString()));
    assertThrows(ConfigurationException.class, () -> Benchmark.resolveRoot(null, "relative/path", null,
        home.toString()));
    assertThrows(ConfigurationException.class, () -> Benchmark.resolveRoot(home.resolve("nope").toString(), null,
        null, home.toString()));
  }
}
