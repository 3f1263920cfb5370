package org.mmrarebench.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.PredictionsReader;

/** JSON read from other tools' files is refused where Python's {@code json.loads} refuses it. */
class JsonLinesTest {
  @Test
  void aLineWithTextAfterItsObjectIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("preds.jsonl");
    Files.writeString(f, "{\"index\": 0, \"prediction\": \"a\"}\n"
        + "{\"index\": 1, \"prediction\": \"b\"} {\"index\": 2}\n");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> PredictionsReader.read(f, Track.DIAGNOSIS));
    assertEquals(2, e.problems().get(0).line().orElseThrow(), e.getMessage());
    assertTrue(e.getMessage().contains("text follows the JSON value"), e.getMessage());
    assertTrue(e.getMessage().contains("preds.jsonl"), e.getMessage());
  }

  @Test
  void aJsonFileWithTextAfterItsListIsRefused(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("preds.json");
    Files.writeString(f, "[{\"index\": 0, \"prediction\": \"a\"}] trailing");
    assertThrows(InvalidDataException.class, () -> PredictionsReader.read(f, Track.DIAGNOSIS));
    Files.writeString(f, "[{\"index\": 0, \"prediction\": \"a\"}]\n");
    List<Prediction> ok = PredictionsReader.read(f, Track.DIAGNOSIS);
    assertEquals(1, ok.size());
  }
}
