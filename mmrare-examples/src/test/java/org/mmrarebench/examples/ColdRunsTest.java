package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two cold runs of {@code score} give the same bytes: one JVM as {@code java -jar} starts it, one as
 * {@code bin/mmrare} does (client compiler, serial collector). The track is large enough for every
 * parallel path: scoring on several threads (2,000 predictions and more) and items.jsonl formatted in
 * chunks (8,192 lines and more).
 */
class ColdRunsTest {
  @Test
  void twoColdRunsWriteTheSameMetricsAndItems(@TempDir Path tmp) throws Exception {
    Path release = tmp.resolve("release");
    Path preds = tmp.resolve("preds.tsv");
    String[] names = {"Gaucher disease", "Fabry disease", "Marfan syndrome", "Pompe disease", "Wilson disease"};
    String[] codes = {"355", "324", "558", "365", "905"};
    Files.createDirectories(release.resolve("diagnosis"));
    java.util.Random r = new java.util.Random(3);
    try (Writer f = Files.newBufferedWriter(release.resolve("diagnosis/diagnosis_opened.tsv"), StandardCharsets.UTF_8);
        Writer p = Files.newBufferedWriter(preds, StandardCharsets.UTF_8)) {
      f.write("index\tquestion\tanswer\tcontext\timage_path\tanswer_aliases\tORPHA_code\tcategory\n");
      p.write("index\tprediction\n");
      for (int i = 0; i < 9_000; i++) {
        int k = r.nextInt(names.length);
        f.write(i + "\tWhich disease?\t" + names[k] + "\tCase " + i + ".\t\t\"[\"\"" + names[k].split(" ")[0]
            + "\"\"]\"\tORPHA:" + codes[r.nextInt(codes.length)] + "\tcat " + (i % 3) + "\n");
        p.write(i + "\t" + (i % 4 == 0 ? names[r.nextInt(names.length)] : names[k] + " (type " + (i % 5) + ")")
            + "\n");
      }
    }
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    score(List.of(), release, preds, a);
    score(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), release, preds, b);
    for (String file : List.of("metrics.json", "items.jsonl")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
    assertEquals(9_000, Files.readAllLines(a.resolve("items.jsonl")).size());
  }

  private static void score(List<String> jvm, Path release, Path preds, Path out) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mmrarebench.examples.cli.MmrareCli",
        "score", "--data", release.toString(), "--track", "diagnosis", "--predictions", preds.toString(), "--out",
        out.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), text);
    assertEquals(0, p.exitValue(), text);
  }
}
