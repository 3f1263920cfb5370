package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.Track;

/** A panel's reply reads the same under both parsers and records every judge. */
class JudgePanelTest {
  static JudgeModel fixed(String name, Map<Track, String> replies) {
    return new JudgeModel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String reply(String itemIndex, String prompt) {
        return replies.get(JudgePrompts.trackOf(prompt).orElseThrow());
      }
    };
  }

  @Test
  void majorityPerDimensionTiesGoToNoAndBothParsersAgree() {
    JudgeModel a = fixed("a", Map.of(Track.DIAGNOSIS, "YES\nYES\nNO", Track.TREATMENT, "YES\nYES\nYES\nNO\nNO\nNO",
        Track.CROSSMODAL, "YES\nNO\nYES\nNO\nYES", Track.EXAMINATION, "2\n2\n1\n0\n1\n2\n0\n1"));
    JudgeModel b = fixed("b", Map.of(Track.DIAGNOSIS, "NO\nYES\nNO", Track.TREATMENT, "YES\nNO\nYES\nNO\nYES\nNO",
        Track.CROSSMODAL, "I cannot judge this", Track.EXAMINATION, "2\n1\n1\n0\n2\n2\n1\n1"));
    JudgeModel c = fixed("c", Map.of(Track.DIAGNOSIS, "YES\nNO\nNO", Track.TREATMENT, "NO\nYES\nYES\nYES\nNO\nNO",
        Track.CROSSMODAL, "YES\nYES\nYES\nNO\nNO", Track.EXAMINATION, "0\n2\n1\n1\n0\n2\n2\n1"));
    JudgePanel panel = JudgePanel.majority(List.of(a, b, c));
    Map<Track, List<Integer>> expected = Map.of(Track.DIAGNOSIS, List.of(1, 1, 0), Track.TREATMENT,
        List.of(1, 1, 1, 0, 0, 0), Track.CROSSMODAL, List.of(1, 0, 1, 0, 0), // b unreadable: a and c, ties to NO
        Track.EXAMINATION, List.of(2, 2, 1, 0, 0, 2, 0, 1)); // 1, 2, 0 on dimension 5: a tie, the lowest
    for (Track t : Track.values()) {
      BenchmarkItem item = Benchmark.embedded().track(t).items().get(0);
      String reply = panel.reply(item.index(), JudgePrompts.build(item, "an answer"));
      JudgeVerdict strict = new StrictJudgeParser().parse(t, reply);
      assertEquals(expected.get(t), strict.dimensions(), t + ": " + reply);
      assertEquals(strict.score().getAsDouble(), CompatJudgeParser.score(t, reply), 1e-12, t + ": " + reply);
      List<Optional<List<Integer>>> each = JudgePanel.judgeVerdicts(reply);
      assertEquals(3, each.size());
      assertEquals(t == Track.CROSSMODAL, each.get(1).isEmpty());
    }
    assertThrows(IllegalArgumentException.class, () -> JudgePanel.majority(List.of(a)));
    assertTrue(panel.name().startsWith("panel(majority)[a, b, c]"));
  }
}
