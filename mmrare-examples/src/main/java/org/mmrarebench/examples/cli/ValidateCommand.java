package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Problem;
import org.mmrarebench.data.ReadResult;
import org.mmrarebench.data.ReleaseReader;
import org.mmrarebench.data.ValidationReport;
import org.mmrarebench.data.download.ReleaseManifest;
import org.mmrarebench.scoring.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare validate}: a lenient read that lists every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Read a release leniently and list every problem; exit 0 when clean, 1 otherwise.")
final class ValidateCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", required = true, description = "Release root.") Path data;
  @Option(names = "--json", description = "Print one JSON object.") boolean json;
  @Option(names = "--hash", description = "Hash every downloaded file against mmrare-manifest.json, not only those"
      + " whose size or modification time changed.") boolean hash;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DataOption.requireDirectory(data, "--data");
    ReadResult r0 = ReleaseReader.lenient().read(data);
    ReadResult r = !hash ? r0 : ReleaseManifest.read(data).map(m -> withProblems(r0, m.verify(data, true))).orElse(r0);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<Map<String, Object>> arr = new ArrayList<>();
      for (Problem p : r.report().problems()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("severity", p.severity().name());
        o.put("kind", p.kind());
        o.put("file", p.file());
        o.put("line", p.line().isPresent() ? (Object) p.line().getAsInt() : null);
        o.put("column", p.field().orElse(null));
        o.put("index", p.itemIndex().orElse(null));
        o.put("message", p.message());
        o.put("fix", p.fix());
        arr.add(o);
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("items", r.benchmark().size());
      all.put("errors", r.report().errors().size());
      all.put("warnings", r.report().warnings().size());
      all.put("problems", arr);
      out.println(ResultsJson.jsonText(all));
    } else {
      r.report().problems().forEach(p -> out.println(p.describe()));
      out.printf(Locale.ROOT, "%s read; %s, %s%n", Text.count(r.benchmark().size(), "item"),
          Text.count(r.report().errors().size(), "error"), Text.count(r.report().warnings().size(), "warning"));
    }
    return r.report().isClean() ? 0 : 1;
  }

  /** The read with the full-hash check's problems in place of the cheap check's. */
  private static ReadResult withProblems(ReadResult r, List<Problem> hashed) {
    List<Problem> all = new ArrayList<>(r.report().problems().stream()
        .filter(p -> !p.kind().endsWith("_SINCE_DOWNLOAD")).toList());
    all.addAll(hashed);
    return new ReadResult(r.benchmark(), new ValidationReport(all));
  }
}
