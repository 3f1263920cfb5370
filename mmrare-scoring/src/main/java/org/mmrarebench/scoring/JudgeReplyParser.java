package org.mmrarebench.scoring;

import org.mmrarebench.core.Track;

/** Reads a judge reply into a verdict. Implementations are total: they never throw on any text. */
public interface JudgeReplyParser {
  /** Reads {@code reply}, a judge's answer to the {@code track} judge prompt. */
  JudgeVerdict parse(Track track, String reply);

  /** The parser for a mode: {@link CompatJudgeParser} or {@link StrictJudgeParser}. */
  static JudgeReplyParser forMode(ScoringMode mode) {
    return mode == ScoringMode.COMPAT ? new CompatJudgeParser() : new StrictJudgeParser();
  }
}
