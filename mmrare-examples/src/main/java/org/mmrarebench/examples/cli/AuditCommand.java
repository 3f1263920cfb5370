package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.data.audit.Audit;
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
      m.put("findings", r.findings().size());
      m.put("counts", r.counts());
      m.put("examples", r.examples(5));
      w.println(ResultsJson.jsonText(m));
    } else {
      r.findings().forEach(f -> w.println(f.describe()));
      w.printf(Locale.ROOT, "%d items audited against Orphanet %s: %d findings %s%n", bench.size(), o.release(),
          r.findings().size(), r.counts());
    }
    return r.clean() ? 0 : 1;
  }
}
