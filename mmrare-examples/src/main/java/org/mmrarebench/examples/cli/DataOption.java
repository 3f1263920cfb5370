package org.mmrarebench.examples.cli;

import java.nio.file.Path;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.Track;
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

  /** Like {@link #load()} but reads only {@code track}'s file (a 1.5 GB release need not be read for one track). */
  Benchmark load(Track track) {
    java.util.Optional<java.nio.file.Path> root = data != null ? java.util.Optional.of(data) : Benchmark.configuredRoot();
    if (root.isEmpty()) {
      return Benchmark.load().track(track);
    }
    requireDirectory(root.get(), "--data");
    ReadResult r = (lenient ? ReleaseReader.lenient() : ReleaseReader.strict()).read(root.get(), java.util.List.of(track));
    if (lenient) {
      r.report().problems().forEach(p -> System.err.println(p.describe()));
    }
    return r.benchmark();
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
