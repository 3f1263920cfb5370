package org.mmrarebench.examples.cli;

import org.mmrarebench.core.Benchmark;
import org.mmrarebench.data.orphanet.Orphanet;

/**
 * Starts work a command will need on a second core while the first reads data: the Orphanet
 * ontology (a few hundred ms to load) and the sha256 of the track files (needed for provenance,
 * a full read of each file). Both are memoised, so the command simply gets them earlier.
 */
final class Prewarm {
  private Prewarm() {}

  static void orphanet() {
    start("mmrare-orphanet", Orphanet::bundled);
  }

  static void fingerprint(Benchmark bench) {
    start("mmrare-sha256", () -> bench.info().fileSha256());
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
