package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mmrarebench.core.Track;
import org.mmrarebench.examples.cli.MmrareCli;
import org.mmrarebench.testing.Shared;

/** The command line, end to end, against the parity vectors and the embedded sample. */
class CliTest {
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MmrareCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @EnumSource(Track.class)
  void promptsOutputEqualsTheReference(Track track) throws IOException {
    Path data = Shared.resolve("parity/tracks");
    Path preds = data.resolve(track.folder()).resolve("predictions.tsv");
    Run r = run("prompts", "--data", data.toString(), "--lenient", "--track", track.folder(), "--predictions",
        preds.toString());
    assertEquals(0, r.code(), r.err());
    List<String> got = r.out().lines().toList();
    List<String> expected = Files.readAllLines(data.resolve(track.folder()).resolve("expected.jsonl"));
    assertEquals(expected.size(), got.size());
    for (int i = 0; i < got.size(); i++) {
      JsonNode g = JSON.readTree(got.get(i));
      JsonNode e = JSON.readTree(expected.get(i));
      assertEquals(e.get("index"), g.get("index"));
      assertEquals(e.get("messages"), g.get("messages"), "messages of index " + e.get("index"));
      assertEquals(e.get("judge_prompt"), g.get("judge_prompt"), "judge prompt of index " + e.get("index"));
    }
  }

  @Test
  void scoreWritesReferenceKeysAndCompareRunsPaired(@TempDir Path tmp) throws IOException {
    Path data = Shared.resolve("parity/tracks");
    Path preds = data.resolve("treatment/predictions.tsv");
    Path replies = tmp.resolve("replies.jsonl");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      String reply = i == 3 ? "I cannot evaluate this" : (i % 2 == 0 ? "YES\\nNO\\nYES\\nNO\\nYES\\nNO" : "NO\\nNO\\nNO\\nNO\\nNO\\nYES");
      sb.append("{\"index\": ").append(i).append(", \"reply\": \"").append(reply).append("\"}\n");
    }
    Files.writeString(replies, sb.toString());
    Run compat = run("score", "--data", data.toString(), "--track", "treatment", "--predictions", preds.toString(),
        "--judge-replies", replies.toString(), "--out", tmp.resolve("compat").toString(), "--resamples", "500");
    assertEquals(0, compat.code(), compat.err());
    Run strict = run("score", "--data", data.toString(), "--track", "treatment", "--predictions", preds.toString(),
        "--judge-replies", replies.toString(), "--mode", "strict", "--out", tmp.resolve("strict").toString(),
        "--resamples", "500", "--scorer", "rubric_recall");
    assertEquals(0, strict.code(), strict.err());
    JsonNode mc = JSON.readTree(tmp.resolve("compat/metrics.json").toFile());
    JsonNode ms = JSON.readTree(tmp.resolve("strict/metrics.json").toFile());
    // compat: 20 items at 0.5, 19 at 1/6, the unreadable one at 0 (the reference's reading)
    assertEquals((20 * 0.5 + 19 * (1 / 6.0)) / 40, mc.get("treatment_judge_score").asDouble(), 1e-12);
    assertEquals(40, mc.get("n_total").asInt());
    assertEquals(1, ms.get("n_unscored").asInt());
    assertEquals(39, ms.get("n_scored").asInt());
    assertEquals((20 * 0.5 + 19 * (1 / 6.0)) / 39, ms.get("treatment_judge_score").asDouble(), 1e-12);
    assertTrue(ms.has("scorer_rubric_recall"));
    assertTrue(ms.get("treatment_judge_score_ci95").isArray());
    JsonNode line = JSON.readTree(Files.readAllLines(tmp.resolve("strict/items.jsonl")).get(3));
    assertEquals("UNSCORED", line.get("status").asText());
    assertTrue(line.get("score").isNull());
    assertEquals("treatment", line.get("track").asText());
    Run refused = run("compare", tmp.resolve("compat").toString(), tmp.resolve("strict").toString(), "--json",
        "--resamples", "500");
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("not comparable") && refused.err().contains("run A was scored in compat mode,"
        + " run B in strict mode"), refused.err());
    Run cmp = run("compare", tmp.resolve("compat").toString(), tmp.resolve("strict").toString(), "--json",
        "--resamples", "500", "--force");
    assertEquals(0, cmp.code(), cmp.err());
    JsonNode c = JSON.readTree(cmp.out()).get("treatment");
    assertFalse(c.get("comparable").asBoolean());
    assertEquals(39, c.get("n_paired").asInt());
    assertEquals(0.0, c.get("mean_difference").asDouble(), 1e-12);
  }

  @Test
  void fallbackWithoutJudgeIsLabelled(@TempDir Path tmp) throws IOException {
    Path data = Shared.resolve("parity/tracks");
    Run r = run("score", "--data", data.toString(), "--track", "examination", "--predictions",
        data.resolve("examination/predictions.tsv").toString(), "--out", tmp.toString(), "--resamples", "200");
    assertEquals(0, r.code(), r.err());
    JsonNode m = JSON.readTree(tmp.resolve("metrics.json").toFile());
    assertTrue(m.get("fallback").asBoolean());
    assertTrue(m.has("substring_match"));
    assertTrue(!m.has("examination_judge_score"));
    assertTrue(r.out().contains("reference fallback"));
  }

  @Test
  void statsAndValidateOnTheSample(@TempDir Path tmp) throws IOException {
    Run s = run("stats", "--json");
    assertEquals(0, s.code(), s.err());
    JsonNode j = JSON.readTree(s.out());
    assertEquals(48, j.get("items").asInt());
    assertEquals(4, j.get("tracks").size());
    assertTrue(j.get("tracks").get("treatment").get("path_images").asInt() > 0);
    Run v = run("validate", "--data", Shared.resolve("parity/tracks").toString());
    assertEquals(1, v.code());
    assertTrue(v.out().contains("INVALID_FIGURE_MAPPING"));
    Run bad = run("score", "--track", "nope", "--predictions", "x.tsv", "--out", tmp.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("expected one of diagnosis, treatment, crossmodal, examination"), bad.err());
  }
}
