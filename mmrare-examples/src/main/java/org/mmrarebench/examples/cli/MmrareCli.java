package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import org.mmrarebench.core.MmrareException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mmrare} command line. Exit codes: 0 success, 1 findings or failure, 2 usage error. */
@Command(name = "mmrare", mixinStandardHelpOptions = true, versionProvider = MmrareCli.Version.class,
    description = "Run, score and inspect the MMRareBench rare-disease multimodal benchmark.",
    subcommands = {StatsCommand.class, ValidateCommand.class, PromptsCommand.class, FixtureCommand.class,
        ScoreCommand.class, CompareCommand.class, EvaluateCommand.class, AuditCommand.class,
        OrphanetCommand.class, ReportCommand.class, MergeCommand.class})
public final class MmrareCli {
  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // One plain line per log record on stderr (JUL's default is two lines with a timestamp).
    System.setProperty("java.util.logging.SimpleFormatter.format", "mmrare %4$s: %5$s%6$s%n");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new MmrareCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof MmrareException || ex instanceof IllegalArgumentException) {
        cmd.getErr().println("mmrare: " + ex.getMessage());
        return 1;
      }
      throw ex;
    });
    return cl.execute(args);
  }

  /** The library version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mmrare " + version()};
    }
  }

  /** The version written in the jar manifest, or "dev" when run from classes. */
  public static String version() {
    String v = MmrareCli.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
