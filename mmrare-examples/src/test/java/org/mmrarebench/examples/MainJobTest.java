package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.testing.Shared;

/** The README's main job (`evaluate` with defaults), the audit and the ontology metric in `score`. */
class MainJobTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void evaluateOnTheEmbeddedSampleWritesARunDirectory(@TempDir Path tmp) throws IOException {
    Path run = tmp.resolve("run");
    CliTest.Run r = CliTest.run("evaluate", "--out", run.toString(), "--resamples", "300");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("diagnosis_f1") && r.out().contains("substring_match"), r.out());
    JsonNode metrics = JSON.readTree(run.resolve("metrics.json").toFile());
    JsonNode tracks = metrics.get("tracks");
    assertEquals(Set.of("diagnosis", "treatment", "crossmodal", "examination"), names(tracks));
    assertTrue(tracks.get("diagnosis").has("diagnosis_f1"));
    assertTrue(tracks.get("diagnosis").has("diagnosis_orpha_exact"));
    assertTrue(tracks.get("diagnosis").get("fallback").asBoolean());
    for (String t : List.of("treatment", "crossmodal", "examination")) {
      assertTrue(tracks.get(t).has("substring_match"), t);
    }
    assertTrue(metrics.has("mmrare_macro_mean"));
    JsonNode runJson = JSON.readTree(run.resolve("run.json").toFile());
    assertTrue(runJson.get("dataset").get("synthetic").asBoolean());
    assertEquals(4, runJson.get("dataset").get("sha256").size());
    assertTrue(runJson.get("model").asText().startsWith("mmrare-offline-baseline"));
    List<String> items = Files.readAllLines(run.resolve("items.jsonl"));
    assertEquals(48, items.size());
    Set<String> matches = new HashSet<>();
    for (String line : items) {
      JsonNode n = JSON.readTree(line);
      assertTrue(n.has("track"));
      if (n.get("track").asText().equals("diagnosis")) {
        matches.add(n.get("annotations").get("orpha_match").asText());
      }
    }
    assertTrue(matches.contains("exact"), matches.toString());
  }

  @Test
  void evaluateWithNoOptionsInAnEmptyDirectory(@TempDir Path tmp) throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "org.mmrarebench.examples.cli.MmrareCli", "evaluate");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
    pb.environment().remove("MMRAREBENCH_ROOT");
    pb.environment().put("LMUData", tmp.resolve("no-lmudata").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    List<Path> runs;
    try (var s = Files.list(tmp.resolve("runs"))) {
      runs = s.toList();
    }
    assertEquals(1, runs.size());
    for (String f : List.of("metrics.json", "run.json", "items.jsonl", "journal.jsonl", "report.html")) {
      assertTrue(Files.isRegularFile(runs.get(0).resolve(f)), f);
    }
    JsonNode tracks = JSON.readTree(runs.get(0).resolve("metrics.json").toFile()).get("tracks");
    assertTrue(tracks.get("diagnosis").has("diagnosis_f1"));
    assertTrue(tracks.get("examination").has("substring_match"));
    String html = Files.readString(runs.get(0).resolve("report.html"));
    assertTrue(html.contains("<svg class=\"chart") && !html.contains("src=\"http"));
  }

  @Test
  void auditIsCleanOnTheSampleAndExitsOneOnFindings() throws IOException {
    CliTest.Run clean = CliTest.run("audit", "--json");
    assertEquals(0, clean.code(), clean.err());
    assertEquals(0, JSON.readTree(clean.out()).get("findings").asInt());
    CliTest.Run parity = CliTest.run("audit", "--data", Shared.resolve("parity/tracks").toString(), "--lenient");
    assertEquals(1, parity.code());
    assertTrue(parity.out().contains("REUSED_IMAGE"), parity.out());
  }

  @Test
  void statsCarriesTheDatasetCard() throws IOException {
    CliTest.Run r = CliTest.run("stats", "--json", "--audit");
    assertEquals(0, r.code(), r.err());
    JsonNode card = JSON.readTree(r.out()).get("card");
    assertEquals(Set.of("categories", "orpha_coverage", "disorder_types", "images_per_item_histogram", "image_bytes",
        "audit"), names(card));
    assertEquals(12, card.get("orpha_coverage").get("codes_known_to_orphanet").asInt());
    assertEquals(12, card.get("disorder_types").get("Disease").asInt());
    assertEquals(148, card.get("image_bytes").get("images").asInt());
    assertEquals(0, card.get("audit").get("findings").asInt());
  }

  @Test
  void orphanetLookup() {
    CliTest.Run r = CliTest.run("orphanet", "lookup", "ORPHA:58");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Alexander disease") && r.out().contains("AxD"));
    assertEquals(1, CliTest.run("orphanet", "lookup", "no such disease at all").code());
  }

  @Test
  void scoreReportsTheOntologyMetricAndJudgeAgreement(@TempDir Path tmp) throws IOException {
    Path preds = tmp.resolve("p.jsonl");
    Path replies = tmp.resolve("r.jsonl");
    // the sample's diagnosis item 0 is Alexander disease; "Leukodystrophy" is its parent category
    Files.writeString(preds, "{\"index\": \"0\", \"prediction\": \"Leukodystrophy\"}\n");
    Files.writeString(replies, "{\"index\": \"0\", \"reply\": \"NO\\nYES\\nNO\"}\n");
    String[] args = {"score", "--track", "diagnosis", "--predictions", preds.toString(), "--judge-replies",
        replies.toString(), "--mode", "strict", "--out", tmp.resolve("o").toString(), "--resamples", "100"};
    CliTest.Run refused = CliTest.run(args);
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("11 of 12 diagnosis items have no prediction"), refused.err());
    assertTrue(refused.err().contains("(first: 1, 2, 3, 4, 5, ...)"), refused.err());
    CliTest.Run run = CliTest.run(RunnerTest.concat(args, "--allow-missing"));
    assertEquals(0, run.code(), run.err());
    CliTest.Run compat = CliTest.run("score", "--track", "diagnosis", "--predictions", preds.toString(), "--out",
        tmp.resolve("c").toString(), "--resamples", "100");
    assertEquals(0, compat.code(), compat.err());
    assertTrue(compat.err().contains("WARNING: 11 of 12 diagnosis items have no prediction"), compat.err());
    JsonNode m = JSON.readTree(tmp.resolve("o/metrics.json").toFile());
    assertEquals(0.0, m.get("diagnosis_orpha_exact").asDouble());
    assertEquals(1.0, m.get("diagnosis_orpha_related").asDouble());
    JsonNode agree = m.get("diagnosis_orpha_judge_agreement");
    assertEquals(1.0, agree.get("dimension_1_vs_orpha_exact").get("agreement").asDouble());
    assertEquals(1.0, agree.get("dimension_2_vs_orpha_related").get("agreement").asDouble());
    JsonNode item = JSON.readTree(Files.readAllLines(tmp.resolve("o/items.jsonl")).get(0));
    assertEquals("broader", item.get("annotations").get("orpha_match").asText());
  }

  static Set<String> names(JsonNode n) {
    Set<String> s = new HashSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }
}
