package org.mmrarebench.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.scoring.internal.JsonP;

/** The journal keeps every complete record, drops a torn tail and never loses records after damage. */
class JournalTest {
  @Test
  void tornTailIsTruncatedAndDamagedLinesDoNotCostLaterRecords(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("journal.jsonl");
    Files.writeString(f, "{\"n\":1}\nnot json\n\n{\"n\":2}\n{\"n\":3,\"tor");
    try (Journal j = Journal.open(f)) {
      assertEquals(List.of(1, 2), j.records().stream().map(o -> o.getInt("n")).toList());
      assertEquals(2, j.dropped());
      j.append(JsonP.PROVIDER.createObjectBuilder().add("n", 4).build());
      j.append(JsonP.PROVIDER.createObjectBuilder().add("n", 5).build(), false);
    }
    String text = Files.readString(f);
    assertTrue(text.endsWith("{\"n\":2}\n{\"n\":4}\n{\"n\":5}\n"), text);
    try (Journal j = Journal.open(f)) {
      assertEquals(List.of(1, 2, 4, 5), j.records().stream().map(o -> o.getInt("n")).toList());
      assertEquals(1, j.dropped(), "the damaged middle line is kept in the file and skipped again");
    }
  }
}
