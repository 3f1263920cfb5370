package org.mmrarebench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmrarebench.data.internal.PyValues;
import org.mmrarebench.testing.Shared;

/** Every line of ../shared/parity/list-cells.jsonl parses to the reference's list. */
class ListCellParityTest {
  @Test
  void everyListCellMatchesTheReference() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(Shared.resolve("parity/list-cells.jsonl"));
    assertEquals(200, lines.size());
    for (String line : lines) {
      JsonNode row = json.readTree(line);
      String raw = row.get("raw").asText();
      List<String> expected = new ArrayList<>();
      row.get("list").forEach(n -> expected.add(n.asText()));
      // pandas turns the whole-cell missing markers (including "") into a missing value first.
      Optional<String> cell = PyValues.isMissing(raw) ? Optional.empty() : Optional.of(raw);
      assertEquals(expected, PyValues.listCell(cell), () -> "raw cell " + raw);
    }
  }
}
