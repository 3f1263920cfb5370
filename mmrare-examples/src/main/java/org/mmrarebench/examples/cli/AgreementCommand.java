package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ResultsJson;
import org.mmrarebench.scoring.agreement.Agreement;
import org.mmrarebench.scoring.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmrare agreement RUN_DIR --human FILE}: the judge's verdicts against human ones. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
    description = "Compare a strict-mode run's per-dimension judge verdicts with human verdicts: percent agreement"
        + " and Cohen's kappa per track and dimension, with 95%% intervals.")
final class AgreementCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by evaluate or score in strict mode.")
  Path run;
  @Option(names = "--human", required = true, paramLabel = "FILE", description = "Human verdicts: JSON lines"
      + " {track, index, dimension, verdict} or a CSV with the header track,index,dimension,verdict.") Path human;
  @Option(names = "--resamples", paramLabel = "N", defaultValue = "2000",
      description = "Bootstrap resamples of kappa (default: ${DEFAULT-VALUE}).") int resamples;
  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--json", description = "Print one JSON object.") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunSummary r = RunSummary.read(run);
    List<Agreement.DimensionAgreement> rows = Agreement.judgeVsHuman(r.items(), Agreement.readHuman(human),
        new Bootstrap(resamples, seed, 0.95));
    if (rows.isEmpty()) {
      throw new ConfigurationException("No item of " + run + " has both judge verdicts and human ones: agreement needs"
          + " a strict-mode run (which records one verdict per dimension) and verdicts for the same track and index.");
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run", run.toString());
      m.put("judge", r.judge());
      m.put("dimensions", Agreement.toMaps(rows));
      w.println(ResultsJson.jsonText(m));
      return 0;
    }
    w.printf(Locale.ROOT, "judge %s vs human verdicts in %s%n", r.judge(), human);
    w.printf(Locale.ROOT, "%-12s %9s %5s %10s %17s %8s %19s%n", "track", "dimension", "n", "agreement", "95% CI", "kappa",
        "95% CI");
    for (Agreement.DimensionAgreement d : rows) {
      w.printf(Locale.ROOT, "%-12s %9d %5d %9.1f%% [%5.1f%%, %5.1f%%] %8.3f [%7.3f, %7.3f]%s%n", d.track().folder(),
          d.dimension(), d.n(), 100 * d.percentAgreement(), 100 * d.percentInterval().low(),
          100 * d.percentInterval().high(), d.kappa(), d.kappaInterval().low(), d.kappaInterval().high(),
          d.n() < 10 ? "  small n" : "");
    }
    return 0;
  }
}
