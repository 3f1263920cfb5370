package org.mmrarebench.examples.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmrarebench.data.ScaleFixture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare fixture}: writes the paper-scale synthetic release. */
@Command(name = "fixture", mixinStandardHelpOptions = true,
    description = "Write a synthetic release at the paper's scale (1,756 items, 7,958 images) for benchmarks.")
final class FixtureCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Release root to write.") Path out;
  @Option(names = "--image-kb", defaultValue = "150", paramLabel = "KB",
      description = "Size of each image in KB (default: ${DEFAULT-VALUE}).") int imageKb;
  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
      description = "Seed of the generated content (default: ${DEFAULT-VALUE}).") long seed;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int n = ScaleFixture.write(out, imageKb * 1024, seed);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote 1756 items and %d images (%d KB each) under %s%n", n, imageKb, out);
    return 0;
  }
}
