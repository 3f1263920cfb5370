package org.mmrarebench.scoring.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.Estimate;
import org.mmrarebench.scoring.Evaluation;
import org.mmrarebench.scoring.EvaluationResult;
import org.mmrarebench.scoring.Interval;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ScorerRegistry;
import org.mmrarebench.scoring.Scoring;
import org.mmrarebench.scoring.ScoringMode;
import org.mmrarebench.scoring.TrackMetrics;
import org.mmrarebench.scoring.openai.OpenAiChatClient;
import org.mmrarebench.scoring.run.ResponseCache;
import org.mmrarebench.scoring.run.RunDirectory;
import org.mmrarebench.testing.Shared;

/**
 * The README's API tour, as a research codebase runs it: only mmrare-scoring and mmrare-data on the
 * class path (this module's test class path), its own model adapter, the OpenAI-compatible client as
 * judge against a loopback server, its own scorer found through the SPI, the Orphanet scorers,
 * typed intervals and a run directory with its report. The code between the TOUR markers is the
 * README's block, character for character (checked below).
 */
class ApiTourTest {
  /** The research codebase's own model: answers every prompt with the same plan. */
  static final class MyModel implements ModelAdapter {
    @Override
    public String name() {
      return "my-model";
    }

    @Override
    public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
      return ModelResponse.of("Start enzyme replacement therapy; monitor renal function every 3 months.",
          Duration.ofMillis(1));
    }
  }

  @Test
  void theReadmeTourRunsAsWritten(@TempDir Path tmp) throws Exception {
    HttpServer server = judgeServer();
    try {
      String judgeUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      ModelAdapter myModel = new MyModel();
      Path runs = tmp;
      // TOUR BEGIN
      Benchmark bench = Benchmark.load();                    // a configured release, else the embedded sample
      Benchmark plans = bench.track(Track.TREATMENT);        // a new immutable view
      Benchmark part  = bench.shard(0, 4);                   // deterministic: every item in exactly one shard
      Benchmark small = bench.sample(20, 42L);               // a deterministic subset for a seed
      List<Prediction> predictions = new ArrayList<>();
      for (BenchmarkItem item : plans) {
        Prompt prompt = Prompts.reference(item);             // exactly what the reference shows a model
        String answer = myModel.generate(prompt, GenerationSettings.defaults()).text();
        predictions.add(Prediction.of(item.id(), answer));   // a prediction names its item
      }
      OpenAiChatClient judge = OpenAiChatClient.builder(judgeUrl, "Qwen3-VL-235B")  // any OpenAI-compatible server
          .timeout(Duration.ofSeconds(60)).maxAttempts(4).build();                  // retries with backoff built in
      ScorerRegistry registry = ScorerRegistry.discover();   // built-ins, Orphanet scorers, yours (SPI)
      List<ItemResult> results = Scoring.builder()
          .mode(ScoringMode.STRICT)                          // or COMPAT (the reference, quirks included)
          .judge(judge)                                      // or ReplayJudge.read(file), or your JudgeModel
          .scorers(List.of(registry.get("my_scorer")))
          .build()
          .score(plans, Track.TREATMENT, predictions);
      TrackMetrics m = TrackMetrics.compute(Track.TREATMENT, results, Bootstrap.DEFAULT);
      Estimate score = m.headline();                         // treatment_judge_score: value, n, standard error
      Interval ci95 = score.interval();                      // seeded bootstrap, 95 %
      Interval ci90 = score.interval(0.90);                  // any confidence level
      int failed = m.counts().judgeErrors();                 // typed counts; m.toMap() is metrics.json's object

      // or let the runner do it all in a run directory: lock, resumable journal, cache, run.json, report
      Map<String, Object> identity = RunDirectory.identity(plans, "treatment", myModel.name(),
          Optional.of(judge.name()), ScoringMode.STRICT, GenerationSettings.defaults(), Optional.empty(),
          Bootstrap.DEFAULT);
      try (RunDirectory dir = RunDirectory.open(runs.resolve("my-model"), identity, Duration.ZERO)) {
        EvaluationResult run = Evaluation.builder()
            .model(myModel)                                  // any ModelAdapter, e.g. OpenAiChatClient
            .scoring(Scoring.builder().mode(ScoringMode.STRICT).judge(judge).build())
            .concurrency(16)
            .journal(dir.journal())
            .cache(new ResponseCache(runs.resolve("cache")))
            .build()
            .run(plans);
        dir.complete(run, Bootstrap.DEFAULT);                // items.jsonl, metrics.json, run.json, report.html
      }
      // TOUR END

      assertEquals(12, plans.size());
      assertEquals(48, part.size() * 4);
      assertEquals(20, small.size());
      assertEquals(12, score.n());
      assertEquals(0, failed);
      assertTrue(ci95.low() <= score.value() && score.value() <= ci95.high());
      assertTrue(ci90.high() - ci90.low() <= ci95.high() - ci95.low(), "a 90 % interval is no wider than 95 %");
      assertEquals(Double.valueOf(4 / 6.0), m.headline().value(), 1e-12, "the judge says YES to 4 of 6");
      assertTrue(m.scorers().containsKey("scorer_my_scorer"), m.scorers().keySet().toString());
      assertTrue(registry.names().containsAll(List.of("orpha_exact", "orpha_related", "my_scorer")));
      assertFalse(registry.names().contains("rubric_recall"), "the examples' demo scorer is not registered here");
      Path dir = runs.resolve("my-model");
      for (String f : List.of("run.json", "journal.jsonl", "items.jsonl", "metrics.json", "report.html",
          "leaderboard.md", "leaderboard.csv")) {
        assertTrue(Files.isRegularFile(dir.resolve(f)), f);
      }
      assertTrue(Files.readString(dir.resolve("run.json")).contains("\"status\": \"complete\""));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theReadmeShowsThisTourVerbatim() throws IOException {
    String readme = Files.readString(Shared.repoRoot().resolve("README.md"));
    Matcher block = Pattern.compile("## API tour.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README.md has an API tour with a java block");
    String src = Files.readString(Shared.repoRoot().resolve(
        "mmrare-scoring/src/test/java/org/mmrarebench/scoring/tour/ApiTourTest.java"));
    String tour = src.substring(src.indexOf("// TOUR BEGIN\n") + "// TOUR BEGIN\n".length(), src.indexOf("      // TOUR END"));
    assertEquals(dedent(tour), block.group(1), "README's API tour and ApiTourTest differ: copy one to the other");
  }

  private static String dedent(String s) {
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      out.append(line.startsWith("      ") ? line.substring(6) : line.strip()).append('\n');
    }
    return out.toString().replaceAll("\n+$", "\n");
  }

  /** A loopback OpenAI-compatible judge: YES to four of six treatment dimensions. */
  static HttpServer judgeServer() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/v1/chat/completions", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] body = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
          + "\"YES\\nYES\\nNO\\nYES\\nNO\\nYES\"}}]}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    s.start();
    return s;
  }
}
