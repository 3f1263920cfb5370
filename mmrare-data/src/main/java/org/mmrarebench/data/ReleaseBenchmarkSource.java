package org.mmrarebench.data;

import java.nio.file.Path;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.spi.BenchmarkSource;

/** The {@link BenchmarkSource} behind {@link Benchmark#load()}: strict release reading and the embedded sample. */
public final class ReleaseBenchmarkSource implements BenchmarkSource {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public ReleaseBenchmarkSource() {}

  @Override
  public Benchmark read(Path root) {
    return ReleaseReader.strict().read(root).benchmark();
  }

  @Override
  public Benchmark sample() {
    return EmbeddedSample.load();
  }
}
