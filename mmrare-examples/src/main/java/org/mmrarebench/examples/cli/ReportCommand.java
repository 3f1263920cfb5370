package org.mmrarebench.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmrarebench.scoring.report.Reports;
import org.mmrarebench.scoring.report.RunSummary;
import org.mmrarebench.scoring.Bootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmrare report RUN_DIR... --out DIR}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write leaderboard.md, leaderboard.csv and a self-contained report.html for one or more runs.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*") List<Path> runs;
  @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
  @Option(names = "--resamples", defaultValue = "10000") int resamples;
  @Option(names = "--seed", defaultValue = "0") long seed;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<RunSummary> summaries = runs.stream().map(RunSummary::read).toList();
    Reports.write(summaries, out, new Bootstrap(resamples, seed, 0.95));
    spec.commandLine().getOut().printf("wrote %s/{leaderboard.md,leaderboard.csv,report.html}%n", out);
    return 0;
  }
}
