package org.mmrarebench.examples.cli;

import com.google.common.base.Throwables;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.MmrareException;
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
    start("mmrare-orphanet", Orphanet::bundled);
  }

  static void fingerprint(Benchmark bench) {
    start("mmrare-sha256", () -> bench.info().fileSha256());
  }

  /** Runs {@code task} on its own daemon thread; {@link #join} waits for its result. */
  static <T> Future<T> async(String name, Callable<T> task) {
    FutureTask<T> f = new FutureTask<>(task);
    Thread t = new Thread(f, name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** The task's result, or its own exception, as if it had run on this thread. */
  static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new MmrareException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MmrareException("interrupted", e);
    }
  }

  private static void start(String name, Runnable r) {
    Thread t = new Thread(() -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        // the command asks again and reports the failure itself
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }
}
