package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.data.audit.Audit;
import org.mmrarebench.data.audit.Finding;
import org.mmrarebench.data.orphanet.Orphanet;
import org.mmrarebench.scoring.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare audit}: Orphanet alignment and leakage audit; exit 0 clean, 1 with findings. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Check diagnosis labels against Orphanet and look for answer leakage and reused images.")
final class AuditCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Option(names = "--json", description = "Print one JSON object.") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Benchmark bench = data.load();
    Orphanet o = Orphanet.bundled();
    Audit.Report r = Audit.run(bench, o);
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("data", bench.info().description());
      m.put("orphanet", o.release());
      m.put("n_findings", r.findings().size());
      m.put("counts", r.counts());
      List<Map<String, Object>> all = new ArrayList<>();
      for (Finding f : r.findings()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", f.kind());
        row.put("track", f.track().folder());
        row.put("index", f.index());
        row.put("field", f.field());
        row.put("message", f.detail());
        all.add(row);
      }
      m.put("findings", all);
      w.println(ResultsJson.jsonText(m));
    } else {
      r.findings().forEach(f -> w.println(f.describe()));
      w.printf(Locale.ROOT, "%s audited against Orphanet %s: %s%n", Text.count(bench.size(), "item"), o.release(),
          Text.count(r.findings().size(), "finding"));
      r.counts().forEach((track, kinds) -> w.printf(Locale.ROOT, "  %-12s %s%n", track, Text.inline(kinds)));
    }
    return r.clean() ? 0 : 1;
  }
}
