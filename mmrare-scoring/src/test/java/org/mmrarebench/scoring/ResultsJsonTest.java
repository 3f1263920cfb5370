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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.Track;

/** items.jsonl is streamed; each line equals the object form and reads back to the same result. */
class ResultsJsonTest {
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
