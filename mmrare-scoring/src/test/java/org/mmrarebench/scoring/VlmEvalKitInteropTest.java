package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/** VLMEvalKit's <model>_<dataset>.xlsx files give the reference's predictions, judge prompts and F1. */
class VlmEvalKitInteropTest {
  @ParameterizedTest
  @EnumSource(Track.class)
  void xlsxPredictionsGiveTheReferenceJudgePromptsAndF1(Track track) throws IOException {
    Path xlsx = Shared.resolve("interop/vlmevalkit/fake-vlm_" + track.vlmevalkitDataset() + ".xlsx");
    List<Prediction> preds = PredictionsReader.read(xlsx, track);
    Map<String, Prediction> byIndex = preds.stream().collect(Collectors.toMap(Prediction::index, Function.identity()));
    Benchmark bench = ReleaseReader.lenient().read(Shared.resolve("parity/tracks")).benchmark();
    List<JsonNode> rows = ParityTest.lines("parity/tracks/" + track.folder() + "/expected.jsonl");
    assertEquals(rows.size(), preds.size());
    for (JsonNode row : rows) {
      String index = row.get("index").asText();
      Prediction p = byIndex.get(index);
      assertEquals(row.get("prediction").asText(), p.text(), "prediction of index " + index);
      BenchmarkItem item = bench.get(track, index).orElseThrow();
      assertEquals(row.get("judge_prompt").asText(), JudgePrompts.build(item, p.text()), "judge prompt " + index);
      if (item instanceof DiagnosisItem d) {
        assertEquals(row.get("f1").asDouble(), TokenF1.maxF1(d.golds(), p.text(), TokenF1.Variant.MMRAREBENCH), 1e-12);
      }
    }
  }
}
