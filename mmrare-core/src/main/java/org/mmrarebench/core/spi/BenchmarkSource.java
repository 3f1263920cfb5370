package org.mmrarebench.core.spi;

import java.nio.file.Path;
import org.mmrarebench.core.Benchmark;

/**
 * Reads benchmarks for {@link Benchmark#load()}; {@code mmrare-data} provides the implementation,
 * found with {@link java.util.ServiceLoader} through {@code META-INF/services}.
 */
public interface BenchmarkSource {
  /** Reads the release under {@code root} strictly, failing on the first problem. */
  Benchmark read(Path root);

  /** The embedded synthetic sample. */
  Benchmark sample();
}
