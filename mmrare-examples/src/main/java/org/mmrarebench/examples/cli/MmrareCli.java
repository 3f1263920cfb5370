package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.internal.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code mmrare} command line. Exit codes: 0 success; 1 a failure (bad data, configuration, an
 * unusable endpoint) or findings ({@code validate}, {@code audit}); 2 a usage error; 3 {@code evaluate}
 * finished but some items ended in MODEL_ERROR or JUDGE_ERROR ({@code --allow-errors} makes it 0).
 */
@Command(name = "mmrare", mixinStandardHelpOptions = true, versionProvider = MmrareCli.Version.class,
    description = "Run, score and inspect the MMRareBench rare-disease multimodal benchmark.")
public final class MmrareCli {
  /** The commands, in the order the help lists them. */
  private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(StatsCommand.class,
      ValidateCommand.class, PromptsCommand.class, FixtureCommand.class, ScoreCommand.class, CompareCommand.class,
      EvaluateCommand.class, AuditCommand.class, OrphanetCommand.class, ReportCommand.class, MergeCommand.class,
      DownloadCommand.class, AgreementCommand.class);

  private static final String OUT_OF_MEMORY = "mmrare: ran out of memory (the Java heap is "
      + (Runtime.getRuntime().maxMemory() >> 20) + " MB). Give Java more heap (java -Xmx4g -jar mmrare.jar ...) or"
      + " process less at once (--track, --shard).";

  /** Exit code of a run that finished with item errors. */
  public static final int EXIT_ITEM_ERRORS = 3;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // One plain line per log record on stderr (JUL's default is two lines with a timestamp).
    System.setProperty("java.util.logging.SimpleFormatter.format", "mmrare %4$s: %5$s%6$s%n");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(args.length > 0 ? args[0] : "");
    cl.setOut(out);
    cl.setErr(err);
    // wide enough that URLs, paths and option names are never broken inside
    cl.setUsageHelpWidth(110);
    cl.setUsageHelpLongOptionsMaxWidth(30);
    cl.setParameterExceptionHandler((ex, args1) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("mmrare: " + ex.getMessage());
      c.getErr().println("Try 'mmrare " + c.getCommandSpec().qualifiedName(" ").replaceFirst("^mmrare ?", "")
          + (c.getCommandSpec().qualifiedName(" ").equals("mmrare") ? "" : " ") + "--help' for the options.");
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      Throwable missing = ex;
      while (missing != null && !(missing instanceof java.nio.file.NoSuchFileException)) {
        missing = missing.getCause();
      }
      if (missing != null) {
        cmd.getErr().println("mmrare: no such file or directory: " + ((java.nio.file.NoSuchFileException) missing)
            .getFile());
        return 1;
      }
      if (ex instanceof MmrareException || ex instanceof IllegalArgumentException) {
        cmd.getErr().println("mmrare: " + Secrets.redact(ex.getMessage(), java.util.List.of()));
        return 1;
      }
      if (ex.getCause() instanceof OutOfMemoryError) {
        cmd.getErr().println(OUT_OF_MEMORY);
        return 1;
      }
      throw ex;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(OUT_OF_MEMORY);
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The command line with every command, or with only {@code first} when that names one: picocli
   * reads each command's options by reflection, and building all thirteen cost 40 ms of every run.
   * Anything else (help, a typo) gets them all, so that help and "did you mean" see every command.
   */
  public static CommandLine commandLine(String first) {
    CommandLine cl = new CommandLine(new MmrareCli());
    for (Class<?> c : COMMANDS) {
      if (c.getAnnotation(Command.class).name().equals(first)) {
        return cl.addSubcommand(c);
      }
    }
    COMMANDS.forEach(cl::addSubcommand);
    return cl;
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
