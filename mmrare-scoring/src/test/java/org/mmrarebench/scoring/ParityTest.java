package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.DiagnosisItem;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.PredictionsReader;
import org.mmrarebench.data.ReleaseReader;
import org.mmrarebench.testing.Shared;

/** Every parity vector in ../shared/parity: F1, judge-reply scores, judge prompts and diagnosis F1. */
class ParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<JsonNode> lines(String relative) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(Shared.resolve(relative))) {
      if (!l.isBlank()) {
        out.add(JSON.readTree(l));
      }
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void f1VectorsMatchTheReference() throws IOException {
    List<JsonNode> rows = lines("parity/f1.jsonl");
    assertEquals(400, rows.size());
    for (JsonNode r : rows) {
      double got = TokenF1.maxF1(strings(r.get("golds")), r.get("prediction").asText(), TokenF1.Variant.MMRAREBENCH);
      assertEquals(r.get("f1").asDouble(), got, 1e-12, () -> "f1 of " + r);
    }
  }

  @Test
  void judgeReplyScoresMatchTheReference() throws IOException {
    List<JsonNode> rows = lines("parity/judge-replies.jsonl");
    assertEquals(300, rows.size());
    for (JsonNode r : rows) {
      Track track = Track.parse(r.get("track").asText());
      double got = CompatJudgeParser.score(track, r.get("reply").asText());
      assertEquals(r.get("score").asDouble(), got, 1e-12, () -> "reply " + r);
    }
  }

  @ParameterizedTest
  @EnumSource(Track.class)
  void judgePromptsAndF1MatchTheReference(Track track) throws IOException {
    Path root = Shared.resolve("parity/tracks");
    Benchmark bench = ReleaseReader.lenient().read(root).benchmark();
    Map<String, Prediction> predictions = PredictionsReader.read(root.resolve(track.folder()).resolve("predictions.tsv"), track)
        .stream().collect(Collectors.toMap(Prediction::index, Function.identity()));
    List<JsonNode> rows = lines("parity/tracks/" + track.folder() + "/expected.jsonl");
    assertEquals(40, rows.size());
    for (JsonNode row : rows) {
      String index = row.get("index").asText();
      BenchmarkItem item = bench.get(track, index).orElseThrow();
      Prediction p = predictions.get(index);
      assertEquals(row.get("prediction").asText(), p.text(), "prediction read back, index " + index);
      assertEquals(row.get("judge_prompt").asText(), JudgePrompts.build(item, p.text()), "judge prompt, index " + index);
      if (track == Track.DIAGNOSIS) {
        DiagnosisItem d = (DiagnosisItem) item;
        assertEquals(strings(row.get("golds")), d.golds(), "golds, index " + index);
        assertEquals(row.get("f1").asDouble(), TokenF1.maxF1(d.golds(), p.text(), TokenF1.Variant.MMRAREBENCH), 1e-12,
            "f1, index " + index);
      }
    }
  }
}
