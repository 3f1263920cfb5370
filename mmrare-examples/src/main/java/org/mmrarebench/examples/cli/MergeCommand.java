package org.mmrarebench.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmrarebench.scoring.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmrare merge --out DIR RUN...}: joins complete shard runs into one run directory whose
 * metrics equal the unsharded run's; a thin layer over {@link RunDirectory#merge}.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Join the shard runs of one evaluation (all n shards) into one run directory.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "The shard run directories, all n of them.")
  List<Path> runs;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory of the merged run; not one"
      + " of the inputs.") Path out;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int n = RunDirectory.merge(out, runs);
    spec.commandLine().getOut().printf(Locale.ROOT, "merged %d shard runs (%d items) into %s%n", runs.size(), n, out);
    return 0;
  }
}
