package org.mmrarebench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.CompatJudgeParser;
import org.mmrarebench.scoring.StrictJudgeParser;
import org.mmrarebench.scoring.TokenF1;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of token F1 over the SQuAD v1.1 dev predictions and of judge-reply parsing over the
 * parity replies. One operation is one full pass over the data set; divide by its size for pairs
 * (or replies) per second. Run: {@code java -jar mmrare-benchmarks/target/benchmarks.jar -p shared=../shared}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmarks {
  /** Path of the workplace's shared folder. */
  @Param("../shared")
  public String shared;

  private final List<List<String>> golds = new ArrayList<>();
  private final List<String> predictions = new ArrayList<>();
  private final List<Track> tracks = new ArrayList<>();
  private final List<String> replies = new ArrayList<>();

  /** Loads the SQuAD dev set with BERT's predictions and the parity judge replies. */
  @Setup
  public void load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path root = Path.of(shared);
    JsonNode dev = json.readTree(root.resolve("external/squad/dev-v1.1.json").toFile());
    JsonNode preds = json.readTree(root.resolve("external/squad/predictions/bert-ensemble-google-ai-language.json").toFile());
    for (JsonNode a : dev.get("data")) {
      for (JsonNode p : a.get("paragraphs")) {
        for (JsonNode qa : p.get("qas")) {
          List<String> g = new ArrayList<>();
          qa.get("answers").forEach(x -> g.add(x.get("text").asText()));
          JsonNode pred = preds.get(qa.get("id").asText());
          if (pred != null) {
            golds.add(g);
            predictions.add(pred.asText());
          }
        }
      }
    }
    for (String line : Files.readAllLines(root.resolve("parity/judge-replies.jsonl"))) {
      JsonNode n = json.readTree(line);
      tracks.add(Track.parse(n.get("track").asText()));
      replies.add(n.get("reply").asText());
    }
    System.out.printf(Locale.ROOT, "%n%d F1 pairs, %d judge replies per operation%n", predictions.size(), replies.size());
  }

  /** Max-over-golds SQuAD v1.1 F1 for every dev question. */
  @Benchmark
  public void f1SquadDev(Blackhole bh) {
    for (int i = 0; i < predictions.size(); i++) {
      bh.consume(TokenF1.maxF1(golds.get(i), predictions.get(i), TokenF1.Variant.SQUAD_V1));
    }
  }

  /** Compat parsing of every parity reply. */
  @Benchmark
  public void parseCompat(Blackhole bh) {
    for (int i = 0; i < replies.size(); i++) {
      bh.consume(CompatJudgeParser.score(tracks.get(i), replies.get(i)));
    }
  }

  /** Strict parsing of every parity reply. */
  @Benchmark
  public void parseStrict(Blackhole bh) {
    StrictJudgeParser p = new StrictJudgeParser();
    for (int i = 0; i < replies.size(); i++) {
      bh.consume(p.parse(tracks.get(i), replies.get(i)));
    }
  }
}
