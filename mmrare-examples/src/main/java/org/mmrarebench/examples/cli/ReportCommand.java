package org.mmrarebench.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.report.Reports;
import org.mmrarebench.scoring.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmrare report RUN_DIR... --out DIR}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write leaderboard.md, leaderboard.csv and a self-contained report.html for one or more runs.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directories written by evaluate or score;"
      + " the first is compared with each other one.") List<Path> runs;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the report files.")
  Path out;
  @Option(names = "--resamples", paramLabel = "N", defaultValue = "10000",
      description = "Bootstrap resamples of the paired comparison (default: ${DEFAULT-VALUE}).") int resamples;
  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--force", description = "Report runs made on different data together (marked as not"
      + " comparable).") boolean force;
  @Option(names = "--human", paramLabel = "FILE", description = "Human verdicts (JSON lines or CSV: track, index,"
      + " dimension, verdict): adds each strict run's agreement with them.") Path human;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<RunSummary> summaries = runs.stream().map(RunSummary::read).toList();
    for (RunSummary other : summaries.subList(1, summaries.size())) {
      for (Track t : Track.values()) {
        if (!summaries.get(0).sameData(other, t) && !force) {
          throw new ConfigurationException("Refusing to report " + summaries.get(0).dir() + " and " + other.dir()
              + " together: they used different " + t.folder() + " data (dataset sha256 differs). Pass --force to"
              + " report them anyway (the comparison is then marked as not comparable).");
        }
      }
    }
    Reports.write(summaries, out, new Bootstrap(resamples, seed, 0.95),
        human == null ? List.of() : org.mmrarebench.scoring.agreement.Agreement.readHuman(human));
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s/{leaderboard.md,leaderboard.csv,report.html}%n", out);
    return 0;
  }
}
