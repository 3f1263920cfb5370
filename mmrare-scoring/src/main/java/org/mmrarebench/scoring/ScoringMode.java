package org.mmrarebench.scoring;

/** How judge replies are read and how failures count. Judge prompts are the same in both modes. */
public enum ScoringMode {
  /**
   * Exactly the reference scorer: its reply parsing with all its quirks, and a failed or
   * unreadable judge call scores 0 (recorded with its status, so it can be told apart).
   */
  COMPAT,
  /**
   * One verdict per rubric dimension, read from the start of each line; an unreadable reply or a
   * failed call is UNSCORED or an error, left out of the mean and counted, never 0.
   */
  STRICT;

  /** Lower-case name, as on the command line. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
