package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.data.DatasetCard;
import org.mmrarebench.data.DatasetStats;
import org.mmrarebench.data.orphanet.Orphanet;
import org.mmrarebench.scoring.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare stats}: per-track counts, without decoding images. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Items, images and media types per track.")
final class StatsCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Option(names = "--json", description = "Print one JSON object.") boolean json;
  @Option(names = "--audit", description = "Add the audit summary to the card (hashes every image once).")
  boolean audit;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // The ontology loads while the release is read: both take a noticeable fraction of a second.
    java.util.concurrent.CompletableFuture<Orphanet> orphanet =
        java.util.concurrent.CompletableFuture.supplyAsync(Orphanet::bundled);
    Benchmark bench = data.load();
    DatasetStats s = DatasetStats.of(bench);
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> card = DatasetCard.of(bench, orphanet.join(), audit);
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>(s.toMap());
      all.put("card", card);
      out.println(ResultsJson.jsonText(all));
      return 0;
    }
    out.printf(Locale.ROOT, "%s%n", bench.info().description());
    out.printf(Locale.ROOT, "%-12s %6s %7s %16s %7s %7s  %s%n", "track", "items", "images", "img/item min/med/max", "base64", "path",
        "media types");
    s.tracks().forEach((t, ts) -> out.printf(Locale.ROOT, "%-12s %6d %7d %16s %7d %7d  %s%n", t.folder(), ts.items(), ts.images(),
        ts.minImages() + "/" + fmt(ts.medianImages()) + "/" + ts.maxImages(), ts.base64Images(), ts.pathImages(),
        Text.inline(ts.mediaTypes())));
    out.printf(Locale.ROOT, "%-12s %6d %7d%n%n", "total", s.items(), s.images());
    StringBuilder sb = new StringBuilder();
    Text.lines(sb, card, 0);
    out.print(sb);
    return 0;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
