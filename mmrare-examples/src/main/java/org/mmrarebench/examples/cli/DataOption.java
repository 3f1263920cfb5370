package org.mmrarebench.examples.cli;

import java.nio.file.Path;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.data.ReadResult;
import org.mmrarebench.data.ReleaseReader;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by commands; without it, {@link Benchmark#load()} decides. */
final class DataOption {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Release root (holds diagnosis/, treatment/, crossmodal/, examination/). Default: -Dmmrare.root,"
          + " MMRAREBENCH_ROOT, $LMUData/MMrarebench, else the embedded synthetic sample.")
  Path data;

  @Option(names = "--lenient", description = "Keep every good row of a release with problems (listed on stderr)"
      + " instead of stopping at the first error.")
  boolean lenient;

  Benchmark load() {
    if (data != null && lenient) {
      ReadResult r = ReleaseReader.lenient().read(data);
      r.report().problems().forEach(p -> System.err.println(p.describe()));
      return r.benchmark();
    }
    return data == null ? Benchmark.load() : Benchmark.load(data);
  }
}
