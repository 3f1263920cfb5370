package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.PredictionsReader;
import org.mmrarebench.scoring.JudgePrompts;
import org.mmrarebench.scoring.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare prompts}: the reference prompts, one JSON line per item in file order. */
@Command(name = "prompts", mixinStandardHelpOptions = true,
    description = "Print the prompt shown to the model for every item (and the judge prompt with --predictions).")
final class PromptsCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Option(names = "--track", required = true, paramLabel = "TRACK",
      description = "diagnosis, treatment, crossmodal or examination.") String track;
  @Option(names = "--predictions", paramLabel = "FILE",
      description = "TSV (index, prediction) or JSONL; adds judge_prompt to each line.") Path predictions;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Track t = Track.parse(track);
    Benchmark bench = data.load(t);
    Map<String, Prediction> preds = predictions == null ? Map.of()
        : PredictionsReader.read(predictions, t).stream().collect(Collectors.toMap(Prediction::index, Function.identity()));
    PrintWriter out = spec.commandLine().getOut();
    for (BenchmarkItem item : bench) {
      List<Map<String, Object>> msgs = new ArrayList<>();
      for (Prompt.Part p : Prompts.reference(item).parts()) {
        if (p instanceof Prompt.Text tx) {
          msgs.add(ordered("type", "text", "text", tx.text()));
        } else if (p instanceof Prompt.Image im) {
          msgs.add(ordered("type", "image", "name", im.image().name()));
        }
      }
      Map<String, Object> o = ordered("index", item.index(), "messages", msgs);
      Prediction p = preds.get(item.index());
      if (p != null) {
        o.put("judge_prompt", JudgePrompts.build(item, p.text()));
      }
      out.println(ResultsJson.jsonText(o));
    }
    return 0;
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
