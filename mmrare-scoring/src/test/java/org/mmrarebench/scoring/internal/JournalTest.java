package org.mmrarebench.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  /** Two records run together on one line (a lost newline) are one damaged line, never half of it. */
  @Test
  void aLineWithTextAfterItsObjectIsDamagedNotHalfRead(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("journal.jsonl");
    Files.writeString(f, "{\"n\":1}\n{\"n\":2}{\"n\":3}\n{\"n\":4} x\n{\"n\":5}  \n");
    try (Journal j = Journal.open(f)) {
      assertEquals(List.of(1, 5), j.records().stream().map(o -> o.getInt("n")).toList());
      assertEquals(2, j.dropped());
    }
    assertThrows(jakarta.json.JsonException.class, () -> JsonFiles.objectLine("[1]"));
  }

  /**
   * A model may return a lone surrogate (a JSON reply with a bare high-surrogate escape, decoded by
   * Jackson): the journal keeps it exactly, so a resume scores the very text the live run scored,
   * not a '?' put in by the UTF-8 encoder.
   */
  @Test
  void loneSurrogatesAreKeptExactly(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("journal.jsonl");
    String odd = "a\ud800b\udfff\ud83d\ude00c\ud83d";
    try (Journal j = Journal.open(f)) {
      j.append(JsonP.PROVIDER.createObjectBuilder().add("prediction", odd).build());
    }
    assertTrue(Files.readString(f).contains("\\ud800b\\udfff\ud83d\ude00c\\ud83d\""), Files.readString(f));
    try (Journal j = Journal.open(f)) {
      assertEquals(odd, j.records().get(0).getString("prediction"));
    }
    assertEquals("{\"k\":\"x\\ud800\"}",
        JsonFiles.line(JsonP.PROVIDER.createObjectBuilder().add("k", "x\ud800").build()));
    // other text files (a report naming such a model) get '?' there rather than failing to be written
    Path html = tmp.resolve("report.html");
    org.mmrarebench.core.internal.AtomicFiles.writeString(html, "<p>a\ud800b</p>");
    assertEquals("<p>a?b</p>", Files.readString(html));
  }
}
