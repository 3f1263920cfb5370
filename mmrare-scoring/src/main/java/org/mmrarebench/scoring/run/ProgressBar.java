package org.mmrarebench.scoring.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A {@link Progress.Listener} for stderr: a redrawn bar on a terminal, otherwise a plain line at
 * most every {@code intervalMillis} (and at the end), so logs of batch jobs stay readable.
 */
public final class ProgressBar implements Progress.Listener {
  private final PrintStream out;
  private final boolean terminal;
  private final long intervalMillis;
  private long last;

  /** A bar on {@code out}; {@code terminal} selects redrawing. */
  public ProgressBar(PrintStream out, boolean terminal, long intervalMillis) {
    this.out = out;
    this.terminal = terminal;
    this.intervalMillis = intervalMillis;
  }

  /** A bar on stderr, redrawn when the process has a console. */
  public static ProgressBar stderr() {
    return new ProgressBar(System.err, System.console() != null, 10_000);
  }

  @Override
  public synchronized void update(Progress p) {
    long now = System.currentTimeMillis();
    boolean finished = p.done() == p.total();
    if (!terminal && !finished && now - last < intervalMillis) {
      return;
    }
    if (terminal && !finished && now - last < 200) {
      return;
    }
    last = now;
    String eta = p.eta().map(d -> String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart())).orElse("?");
    String text = String.format(Locale.ROOT, "%d/%d done, %d in flight, %d errors, %.1f items/s, ETA %s, tokens %d+%d",
        p.done(), p.total(), p.inFlight(), p.errors(), p.ratePerSecond(), eta, p.promptTokens(), p.completionTokens());
    if (terminal) {
      int width = 30;
      int filled = p.total() == 0 ? width : (int) ((long) width * p.done() / p.total());
      out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + text + (finished ? "\n" : ""));
    } else {
      out.println("mmrare progress: " + text);
    }
    out.flush();
  }
}
