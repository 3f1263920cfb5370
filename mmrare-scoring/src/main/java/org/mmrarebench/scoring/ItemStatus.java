package org.mmrarebench.scoring;

/** What happened to one item. */
public enum ItemStatus {
  /** The item has a score. */
  SCORED,
  /** The judge replied, but the reply could not be read (strict mode); not counted in the mean. */
  UNSCORED,
  /** The judge call failed; strict mode leaves the item out of the mean, compat scores it 0 as the reference does. */
  JUDGE_ERROR,
  /** The model call failed, so there is no prediction; never scored as a wrong answer in strict mode. */
  MODEL_ERROR
}
