package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.Track;

/**
 * items.jsonl is streamed as text; each line equals the JSON-P object form byte for byte and reads
 * back to the same result, whatever the strings hold (control characters, quotes, lone surrogates a
 * model may return) and whatever the numbers are.
 */
class ResultsJsonTest {
  @Property(tries = 150)
  void textLinesEqualTheObjectFormAndReadBack(@ForAll("results") List<ItemResult> items) throws IOException {
    for (ItemResult r : items) {
      StringBuilder sb = new StringBuilder();
      ResultsJson.appendLine(sb, r);
      assertEquals(ResultsJson.itemLine(r) + "\n", sb.toString());
    }
    Path f = Files.createTempFile("items", ".jsonl");
    try {
      ResultsJson.writeItems(f, items);
      List<ItemResult> back = ResultsJson.readItems(f);
      for (int i = 0; i < items.size(); i++) {
        assertEquals(items.get(i).toString(), back.get(i).toString());
        assertEquals(items.get(i), back.get(i));
      }
    } finally {
      Files.delete(f);
    }
  }

  /** An items.jsonl line with text after its object names its line instead of being half read. */
  @Test
  void aLineWithTextAfterItsObjectIsRefused(@TempDir Path tmp) throws IOException {
    ItemResult r = new ItemResult(Track.TREATMENT, "7", "", Optional.empty(), Optional.empty(), List.of(),
        OptionalDouble.empty(), OptionalDouble.empty(), ItemStatus.MODEL_ERROR, ScoringMode.COMPAT, true,
        Optional.of("HTTP 500"), 0, "", "", Map.of(), Map.of());
    Path f = tmp.resolve("items.jsonl");
    Files.writeString(f, ResultsJson.itemLine(r) + "\n" + ResultsJson.itemLine(r) + " {}\n");
    org.mmrarebench.core.InvalidDataException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.mmrarebench.core.InvalidDataException.class, () -> ResultsJson.readItems(f));
    assertEquals(2, e.problems().get(0).line().orElseThrow(), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ResultsJson.parseItemLine(ResultsJson.itemLine(r) + " x"));
  }

  /** Large files are formatted in chunks on two threads: the lines still come in the results' order. */
  @Test
  void largeFilesKeepTheOrderOfTheResults(@TempDir Path tmp) throws IOException {
    List<ItemResult> many = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(new ItemResult(Track.DIAGNOSIS, Integer.toString(i), "prediction " + i, Optional.empty(),
          Optional.empty(), List.of(), OptionalDouble.of((i % 7) / 7.0), OptionalDouble.of((i % 7) / 7.0),
          ItemStatus.SCORED, ScoringMode.COMPAT, true, Optional.empty(), i % 5, "c", "ORPHA:" + (i + 1),
          Map.of("diagnosis_orpha_exact", (double) (i % 2)), Map.of("gold", "g" + i)));
    }
    Path f = tmp.resolve("items.jsonl");
    ResultsJson.writeItems(f, many);
    StringBuilder expected = new StringBuilder();
    many.forEach(r -> ResultsJson.appendLine(expected, r));
    assertEquals(expected.toString(), Files.readString(f));
    assertEquals(many, ResultsJson.readItems(f));
  }

  @Provide
  Arbitrary<List<ItemResult>> results() {
    Arbitrary<String> text = Arbitraries.strings()
        .withChars("aZ \"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f\u00e9\u2028\ud83d\ude00\ud800\udfff<>&")
        .ofMaxLength(12);
    // any finite double but -0.0, which JSON-P has always written as 0.0 (a sign no mean can see)
    Arbitrary<Double> number = Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.of(0.0, 1e-5, 1e21, 0.1, 1.0, 100.0, 4.9e-324, Double.MAX_VALUE, 1e-3, 9.99e-4, 1e7, 9999999.0,
            -1e-3, -1e7, 123456.789, -0.5),
        Arbitraries.doubles().between(-1e8, 1e8), Arbitraries.doubles().between(-0.01, 0.01))
        .filter(d -> Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0));
    Arbitrary<Double> unit = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1),
        Arbitraries.of(0.0, 1.0, 1e-5, 4.9e-324, 0.30000000000000004));
    Arbitrary<OptionalDouble> optNumber = unit.injectNull(0.2)
        .map(d -> d == null ? OptionalDouble.empty() : OptionalDouble.of(d));
    Arbitrary<Optional<String>> optText = text.injectNull(0.3).map(Optional::ofNullable);
    Arbitrary<ItemResult> one = Combinators.combine(
        Arbitraries.of(Track.values()), text, text, optText, optText, optNumber,
        Arbitraries.maps(text, number).ofMaxSize(3), Arbitraries.maps(text, text).ofMaxSize(3))
        .as((track, index, prediction, sha, reply, score, scorers, notes) -> new ItemResult(track, index,
            prediction, sha, reply, List.of(1, 0), score, track == Track.DIAGNOSIS ? score : OptionalDouble.empty(),
            ItemStatus.SCORED, ScoringMode.STRICT, false, reply, 3, index, prediction, scorers, notes));
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Test
  void streamedLinesEqualTheObjectFormAndReadBack(@TempDir Path tmp) throws IOException {
    List<ItemResult> items = List.of(
        new ItemResult(Track.DIAGNOSIS, "0", "Gaucher \"disease\"\n<b>", Optional.of("ab12"), Optional.of("YES\nNO"),
            List.of(1, 0, 1), OptionalDouble.of(1e-5), OptionalDouble.of(0.30000000000000004), ItemStatus.SCORED,
            ScoringMode.STRICT, false, Optional.empty(), 4, "Rare bone disease", "ORPHA:355",
            Map.of("scorer_x", 0.1, "diagnosis_orpha_exact", 1.0), Map.of("question", "Q?", "gold", "G\n\u2028")),
        new ItemResult(Track.TREATMENT, "7", "", Optional.empty(), Optional.empty(), List.of(), OptionalDouble.empty(),
            OptionalDouble.empty(), ItemStatus.MODEL_ERROR, ScoringMode.COMPAT, true, Optional.of("HTTP 500"), 0, "", "",
            Map.of(), Map.of()));
    Path f = tmp.resolve("items.jsonl");
    ResultsJson.writeItems(f, items);
    assertEquals(items.stream().map(ResultsJson::itemLine).collect(Collectors.joining("\n", "", "\n")),
        Files.readString(f));
    assertEquals(items, ResultsJson.readItems(f));
  }
}
