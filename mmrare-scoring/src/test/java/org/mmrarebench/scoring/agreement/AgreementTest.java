package org.mmrarebench.scoring.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ItemStatus;
import org.mmrarebench.scoring.ScoringMode;

/** Agreement statistics against published worked examples, and judge-vs-human from files. */
class AgreementTest {
  @Test
  void cohensKappaByHand() {
    int[] a = {1, 1, 0, 0, 1, 0, 1, 1, 0, 1};
    int[] b = {1, 0, 0, 0, 1, 1, 1, 1, 0, 1};
    // po = 0.8, pe = 0.6 * 0.6 + 0.4 * 0.4 = 0.52
    assertEquals((0.8 - 0.52) / 0.48, Agreement.cohenKappa(a, b), 1e-12);
    assertTrue(Double.isNaN(Agreement.cohenKappa(new int[] {1, 1}, new int[] {1, 1})), "one category: undefined");
  }

  @Test
  void fleissKappaOfTheTextbookExample() {
    // Fleiss (1971) as worked in Wikipedia's "Fleiss' kappa": 10 subjects, 14 raters, 5 categories -> 0.210
    int[][] counts = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    int[][] ratings = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      List<Integer> r = new ArrayList<>();
      for (int c = 0; c < 5; c++) {
        for (int k = 0; k < counts[i][c]; k++) {
          r.add(c);
        }
      }
      ratings[i] = r.stream().mapToInt(Integer::intValue).toArray();
    }
    assertEquals(0.210, Agreement.fleissKappa(ratings), 5e-4);
  }

  @Test
  void krippendorffsAlphaOfHisOwnExample() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders, 12 units, missing
    // values; nominal alpha = 0.743
    int m = -1;
    int[][] byCoder = {{1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m}, {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
        {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m}, {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m}};
    int[][] byUnit = new int[12][4];
    for (int u = 0; u < 12; u++) {
      for (int c = 0; c < 4; c++) {
        byUnit[u][c] = byCoder[c][u];
      }
    }
    assertEquals(0.743, Agreement.krippendorffAlphaNominal(byUnit), 5e-4);
  }

  static ItemResult strict(String index, List<Integer> verdicts) {
    return new ItemResult(Track.TREATMENT, index, "p", Optional.empty(), Optional.of("r"), verdicts,
        OptionalDouble.of(0.5), OptionalDouble.empty(), ItemStatus.SCORED, ScoringMode.STRICT, false, Optional.empty(),
        1, "", "", Map.of(), Map.of());
  }

  @Test
  void judgeVersusHumanPerDimensionFromCsvAndJsonl(@TempDir Path tmp) throws IOException {
    List<ItemResult> items = new ArrayList<>();
    StringBuilder csv = new StringBuilder("track,index,dimension,verdict\n");
    for (int i = 0; i < 20; i++) {
      items.add(strict(Integer.toString(i), List.of(i % 2, 1, 0, 1, 0, 1)));
      // dimension 1: the human agrees except on items 0-3; dimension 2: always agrees
      csv.append("treatment,").append(i).append(",1,").append(i < 4 ? (i % 2 == 0 ? "YES" : "NO") : i % 2 == 1 ? "yes"
          : "no").append('\n');
      csv.append("treatment,").append(i).append(",2,1\n");
    }
    Path f = Files.writeString(tmp.resolve("human.csv"), csv.toString());
    List<Agreement.HumanVerdict> human = Agreement.readHuman(f);
    assertEquals(40, human.size());
    List<Agreement.DimensionAgreement> rows = Agreement.judgeVsHuman(items, human, new Bootstrap(500, 1, 0.95));
    assertEquals(2, rows.size());
    Agreement.DimensionAgreement d1 = rows.get(0);
    assertEquals(1, d1.dimension());
    assertEquals(20, d1.n());
    assertEquals(16 / 20.0, d1.percentAgreement(), 1e-12);
    assertEquals(0.6, d1.kappa(), 1e-12); // balanced 10/10 each: pe = 0.5, po = 0.8
    assertTrue(d1.kappaInterval().low() < 0.6 && 0.6 < d1.kappaInterval().high(), d1.kappaInterval().toString());
    assertEquals(1.0, rows.get(1).percentAgreement());
    Path jsonl = Files.writeString(tmp.resolve("human.jsonl"),
        "{\"track\": \"treatment\", \"index\": 3, \"dimension\": 1, \"verdict\": \"YES\"}\n");
    assertEquals(1, Agreement.readHuman(jsonl).size());
    Path badFile = Files.writeString(tmp.resolve("bad.csv"), "track,index,dimension,verdict\ntreatment,1,9,YES\n");
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> Agreement.readHuman(badFile));
    assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("dimension 9"), e.getMessage());
  }
}
