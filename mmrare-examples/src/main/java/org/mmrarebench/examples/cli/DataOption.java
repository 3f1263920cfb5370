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
    if (data != null) {
      requireDirectory(data, "--data");
    }
    if (data != null && lenient) {
      ReadResult r = ReleaseReader.lenient().read(data);
      r.report().problems().forEach(p -> System.err.println(p.describe()));
      return r.benchmark();
    }
    return data == null ? Benchmark.load() : Benchmark.load(data);
  }

  /** A clear message when {@code path} is missing or is a file where a directory is needed. */
  static void requireDirectory(java.nio.file.Path path, String option) {
    if (!java.nio.file.Files.exists(path)) {
      throw new org.mmrarebench.core.ConfigurationException(option + " " + path + ": no such directory.");
    }
    if (!java.nio.file.Files.isDirectory(path)) {
      throw new org.mmrarebench.core.ConfigurationException(option + " " + path + " is a file; " + option
          + " needs a directory (the release root, which holds diagnosis/, treatment/, crossmodal/, examination/).");
    }
  }
}
