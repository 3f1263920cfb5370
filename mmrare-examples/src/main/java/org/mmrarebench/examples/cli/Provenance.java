package org.mmrarebench.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmrarebench.core.Benchmark;

/** The dataset part of the provenance every results file carries. */
final class Provenance {
  private Provenance() {}

  /** Origin, synthetic flag, sha256 of each track file and item counts, keyed by track folder. */
  static Map<String, Object> dataset(Benchmark bench) {
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("description", bench.info().description());
    ds.put("root", bench.info().root().orElse(null));
    ds.put("synthetic", bench.info().synthetic());
    Map<String, Object> sha = new LinkedHashMap<>();
    bench.info().fileSha256().forEach((t, x) -> sha.put(t.folder(), x));
    ds.put("sha256", sha);
    Map<String, Object> counts = new LinkedHashMap<>();
    bench.counts().forEach((t, n) -> counts.put(t.folder(), n));
    ds.put("items", counts);
    return ds;
  }
}
