package org.mmrarebench.examples.cli;

import org.mmrarebench.scoring.internal.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Problem;
import org.mmrarebench.data.ReadResult;
import org.mmrarebench.data.ReleaseReader;
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
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReadResult r = ReleaseReader.lenient().read(data);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonArrayBuilder arr = JsonP.PROVIDER.createArrayBuilder();
      for (Problem p : r.report().problems()) {
        JsonObjectBuilder o = JsonP.PROVIDER.createObjectBuilder().add("severity", p.severity().name()).add("kind", p.kind())
            .add("file", p.file());
        p.line().ifPresentOrElse(l -> o.add("line", l), () -> o.addNull("line"));
        p.field().ifPresentOrElse(f -> o.add("column", f), () -> o.addNull("column"));
        p.itemIndex().ifPresentOrElse(i -> o.add("index", i), () -> o.addNull("index"));
        o.add("message", p.message()).add("fix", p.fix());
        arr.add(o);
      }
      out.println(ResultsJson.line(JsonP.PROVIDER.createObjectBuilder().add("items", r.benchmark().size())
          .add("errors", r.report().errors().size()).add("warnings", r.report().warnings().size())
          .add("problems", arr).build()));
    } else {
      r.report().problems().forEach(p -> out.println(p.describe()));
      out.printf("%d items read; %d errors, %d warnings%n", r.benchmark().size(), r.report().errors().size(),
          r.report().warnings().size());
    }
    return r.report().isClean() ? 0 : 1;
  }
}
