package org.mmrarebench.core;

import java.util.List;

/**
 * Benchmark data that cannot be used as given: a malformed release file, a bad cell, an image
 * that is not an image. Carries every {@link Problem} found so far, the first one being the cause.
 */
public final class InvalidDataException extends MmrareException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  /** Creates the exception for a single problem. */
  public InvalidDataException(Problem problem) {
    this(List.of(problem));
  }

  /** Creates the exception for one or more problems; the message lists them all. */
  public InvalidDataException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order they were found; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidDataException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0).describe();
    }
    StringBuilder sb = new StringBuilder(problems.size() + " problems:");
    for (Problem p : problems) {
      sb.append("\n  - ").append(p.describe());
    }
    return sb.toString();
  }
}
