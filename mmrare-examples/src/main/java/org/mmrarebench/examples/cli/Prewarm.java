package org.mmrarebench.examples.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.internal.Threads;
import org.mmrarebench.data.orphanet.Orphanet;

/**
 * Starts work a command will need on a second core while the first reads data: the Orphanet
 * ontology (a few hundred ms to load) and the sha256 of the track files (needed for provenance,
 * a full read of each file). Both are memoised, so the command simply gets them earlier. {@link
 * #async} runs independent steps of a command side by side (reading predictions beside the release,
 * writing items.jsonl beside computing the metrics).
 */
final class Prewarm {
  private Prewarm() {}

  static void orphanet() {
    // the name index too: the matching scorers need it, and it is built once, on first lookup
    start("mmrare-orphanet", () -> Orphanet.bundled().byName(""));
  }

  static void fingerprint(Benchmark bench) {
    start("mmrare-sha256", () -> bench.info().fileSha256());
  }

  /** Runs {@code task} on its own daemon thread; {@link #join} waits for its result. */
  static <T> Future<T> async(String name, Callable<T> task) {
    FutureTask<T> f = new FutureTask<>(task);
    Threads.startDaemon(name, f);
    return f;
  }

  /** The task's result, or its own exception, as if it had run on this thread. */
  static <T> T join(Future<T> f) {
    return Threads.await(f, "The command");
  }

  /** Work whose failure is not reported here: the command asks again and reports it itself. */
  private static void start(String name, Runnable r) {
    async(name, java.util.concurrent.Executors.callable(r));
  }
}
