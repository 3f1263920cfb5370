package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Human verdicts against a judged strict run, from the command line and in the report. */
class JudgeAgreementCliTest {
  @Test
  void agreementPerDimensionAndInTheReport(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      assertEquals(0, CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "m", "--judge-base-url",
          server.baseUrl(), "--judge-model", "j", "--mode", "strict", "--track", "treatment", "--out", run.toString(),
          "--resamples", "50", "--quiet").code());
    }
    // the fake judge answers YES NO YES NO x NO: a human who agrees on dimension 1 and disagrees on dimension 2
    StringBuilder csv = new StringBuilder("track,index,dimension,verdict\n");
    for (int i = 0; i < 12; i++) {
      csv.append("treatment,").append(i).append(",1,YES\n").append("treatment,").append(i).append(",2,YES\n");
    }
    Path human = Files.writeString(tmp.resolve("human.csv"), csv.toString());
    CliTest.Run a = CliTest.run("agreement", run.toString(), "--human", human.toString(), "--json");
    assertEquals(0, a.code(), a.err());
    JsonNode dims = new ObjectMapper().readTree(a.out()).get("dimensions");
    assertEquals(2, dims.size());
    assertEquals(1.0, dims.get(0).get("percent_agreement").asDouble());
    assertEquals(0.0, dims.get(1).get("percent_agreement").asDouble());
    CliTest.Run rep = CliTest.run("report", run.toString(), "--out", tmp.resolve("rep").toString(), "--human",
        human.toString(), "--resamples", "50");
    assertEquals(0, rep.code(), rep.err());
    assertTrue(Files.readString(tmp.resolve("rep/report.html")).contains("Judge agreement with human verdicts"));
  }

  @Test
  void judgeDriftIsAPairedComparisonOfJudgesOnTheSamePredictions(@TempDir Path tmp) {
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      for (String judge : new String[] {"judge-v1", "judge-v2"}) {
        assertEquals(0, CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model", "m", "--judge-base-url",
            server.baseUrl(), "--judge-model", judge, "--mode", "strict", "--track", "crossmodal", "--out",
            tmp.resolve(judge).toString(), "--resamples", "50", "--quiet").code());
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    String a = tmp.resolve("judge-v1").toString();
    String b = tmp.resolve("judge-v2").toString();
    CliTest.Run refused = CliTest.run("compare", a, b, "--resamples", "50");
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("run A was judged by j"), refused.err());
    CliTest.Run drift = CliTest.run("compare", a, b, "--resamples", "50", "--judge-drift");
    assertEquals(0, drift.code(), drift.err());
    assertTrue(drift.out().contains("judge drift: the same predictions judged by judge-v1@"), drift.out());
    assertTrue(drift.out().contains("crossmodal"), drift.out());
  }

  @Test
  void aJudgeAskedThreeTimesIsMeasuredAndItsSamplesAreCachedApart(@TempDir Path tmp) throws Exception {
    Path cache = tmp.resolve("cache");
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      String[] args = {"evaluate", "--base-url", server.baseUrl(), "--model", "m", "--judge-base-url",
          server.baseUrl(), "--judge-model", "j", "--mode", "strict", "--track", "crossmodal", "--judge-samples", "3",
          "--judge-temperature", "0.7", "--cache", cache.toString(), "--resamples", "200", "--quiet"};
      CliTest.Run r = CliTest.run(RunnerTest.concat(args, "--out", tmp.resolve("a").toString()));
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("judge self-consistency (3 samples per item)"), r.out());
      assertEquals(12 + 36, server.attempts.get(), "12 generations and 3 judge samples per item");
      long judgeEntries;
      try (var files = Files.walk(cache.resolve("judge"))) {
        judgeEntries = files.filter(p -> p.toString().endsWith(".json")).count();
      }
      assertEquals(36, judgeEntries, "K samples are K distinct cached replies");
      CliTest.Run again = CliTest.run(RunnerTest.concat(args, "--out", tmp.resolve("b").toString()));
      assertEquals(0, again.code(), again.err());
      assertEquals(48, server.attempts.get(), "a warm cache answers every sample");
    }
    JsonNode items = new ObjectMapper().readTree(Files.readAllLines(tmp.resolve("a/items.jsonl")).get(0));
    assertEquals(3, items.get("annotations").get("judge_sample_verdicts").asText().split(";").length);
    assertEquals(0, CliTest.run("report", tmp.resolve("a").toString(), "--out", tmp.resolve("rep").toString(),
        "--resamples", "100").code());
    assertTrue(Files.readString(tmp.resolve("rep/report.html")).contains("Judge self-consistency"));
  }

  @Test
  void aPanelOfThreeJudgesTakesTheMajorityAndShowsItsJudgesSideBySide(@TempDir Path tmp) throws Exception {
    try (FakeOpenAiServer a = new FakeOpenAiServer(); FakeOpenAiServer b = new FakeOpenAiServer()) {
      b.contrarian = true;
      String[] common = {"evaluate", "--base-url", a.baseUrl(), "--model", "m", "--mode", "strict", "--track",
          "crossmodal", "--resamples", "100", "--quiet"};
      CliTest.Run panel = CliTest.run(RunnerTest.concat(common, "--judge", a.baseUrl() + ",j1", "--judge",
          a.baseUrl() + ",j2", "--judge", b.baseUrl() + ",j3", "--out", tmp.resolve("panel").toString()));
      assertEquals(0, panel.code(), panel.err());
      assertTrue(panel.out().contains("judge panel (3 judges, majority per dimension)"), panel.out());
      CliTest.Run single = CliTest.run(RunnerTest.concat(common, "--judge-base-url", a.baseUrl(), "--judge-model", "j1",
          "--out", tmp.resolve("single").toString()));
      assertEquals(0, single.code(), single.err());
      CliTest.Run one = CliTest.run(RunnerTest.concat(common, "--judge", a.baseUrl() + ",j1", "--out",
          tmp.resolve("x").toString()));
      assertEquals(1, one.code());
      assertTrue(one.err().contains("at least two --judge"), one.err());
    }
    ObjectMapper json = new ObjectMapper();
    double p = json.readTree(tmp.resolve("panel/metrics.json").toFile()).get("tracks").get("crossmodal")
        .get("crossmodal_judge_score").asDouble();
    double s = json.readTree(tmp.resolve("single/metrics.json").toFile()).get("tracks").get("crossmodal")
        .get("crossmodal_judge_score").asDouble();
    assertEquals(s, p, 1e-12, "two of three judges agree with the single judge, so the majority is its verdict");
    JsonNode item = json.readTree(Files.readAllLines(tmp.resolve("panel/items.jsonl")).get(0));
    assertTrue(item.get("judge_reply").asText().contains("[panel of 3, majority:"), item.toString());
    assertEquals(0, CliTest.run("report", tmp.resolve("panel").toString(), "--out", tmp.resolve("rep").toString(),
        "--resamples", "100").code());
    assertTrue(Files.readString(tmp.resolve("rep/report.html")).contains("Judge panel"));
  }
}
