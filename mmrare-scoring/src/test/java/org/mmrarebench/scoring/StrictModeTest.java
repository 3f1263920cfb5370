package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Track;

/** Strict reading against compat on the replies that matter. */
class StrictModeTest {
  private final StrictJudgeParser strict = new StrictJudgeParser();

  @Test
  void referenceFormatRepliesScoreTheSameInBothModes() {
    assertEquals(CompatJudgeParser.score(Track.DIAGNOSIS, "YES\nNO\nYES"),
        strict.parse(Track.DIAGNOSIS, "YES\nNO\nYES").score().getAsDouble());
    assertEquals(0.8, strict.parse(Track.DIAGNOSIS, "YES\nNO\nYES").score().getAsDouble());
    String t2 = "YES\nNO\nYES\nYES\nNO\nNO";
    assertEquals(CompatJudgeParser.score(Track.TREATMENT, t2), strict.parse(Track.TREATMENT, t2).score().getAsDouble());
    String t4 = "2\n1\n1\n0\n2\n1\n1\n0";
    assertEquals(CompatJudgeParser.score(Track.EXAMINATION, t4), strict.parse(Track.EXAMINATION, t4).score().getAsDouble());
  }

  @Test
  void unreadableReplyIsUnscoredWhereCompatGivesZero() {
    assertEquals(0.0, CompatJudgeParser.score(Track.TREATMENT, "I cannot evaluate this"));
    JudgeVerdict v = strict.parse(Track.TREATMENT, "I cannot evaluate this");
    assertTrue(v.score().isEmpty());
    assertTrue(v.unreadable().orElseThrow().contains("expected 6"));
  }

  @Test
  void explanationsAreNotCounted() {
    String reply = "1. YES - the response names the drug, no doubt.\n2. NO. No dose is given.\n3. Yes.\n"
        + "4. **NO** (no timeline)\n5. yes, although not in detail\n6) No";
    JudgeVerdict v = strict.parse(Track.TREATMENT, reply);
    assertEquals(List.of(1, 0, 1, 0, 1, 0), v.dimensions());
    assertEquals(0.5, v.score().getAsDouble());
    assertFalse(CompatJudgeParser.score(Track.TREATMENT, reply) == 0.5, "compat counts words inside explanations");
  }

  @Test
  void numberedExaminationListIsReadAsScores() {
    String reply = "1. 2\n2. 1\n3. 1\n4. 0\n5. 2\n6. 1\n7. 1\n8. 0";
    assertEquals(List.of(2, 1, 1, 0, 2, 1, 1, 0), strict.parse(Track.EXAMINATION, reply).dimensions());
    assertEquals(8 / 16.0, strict.parse(Track.EXAMINATION, reply).score().getAsDouble());
    // the reference reads the list numbers as scores
    assertEquals((1 + 2 + 2 + 1 + 1 + 0 + 2 + 1) / 16.0, CompatJudgeParser.score(Track.EXAMINATION, reply));
  }

  @Test
  void labelledLinesAndOneLineVerdicts() {
    String reply = "EXACT DIAGNOSIS MATCH: NO\nCORRECT DISEASE CATEGORY: YES\nDIAGNOSTIC SPECIFICITY: YES";
    assertEquals(0.2, strict.parse(Track.DIAGNOSIS, reply).score().getAsDouble(), 1e-15);
    assertEquals(List.of(1, 0, 1), strict.parse(Track.DIAGNOSIS, "YES, NO, YES").dimensions());
    String dims = "Dimension 1: 2/2\nDimension 2: 1/2\nDimension 3: 0\nDimension 4: 1\nDimension 5: 1\n"
        + "Dimension 6: 1\nDimension 7: 2\nDimension 8: 0";
    assertEquals(List.of(2, 1, 0, 1, 1, 1, 2, 0), strict.parse(Track.EXAMINATION, dims).dimensions());
  }

  @Test
  void tooManyVerdictsAreUnscored() {
    JudgeVerdict v = strict.parse(Track.TREATMENT, "YES\nNo\nYes\nNo\nno\nYes\nNo further comments.");
    assertTrue(v.score().isEmpty());
  }
}
