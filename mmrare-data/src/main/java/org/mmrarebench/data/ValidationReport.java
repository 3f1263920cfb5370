package org.mmrarebench.data;

import java.util.List;
import org.mmrarebench.core.Problem;

/**
 * Every problem a lenient read found, in file order.
 *
 * @param problems the problems; empty when the data is clean
 */
public record ValidationReport(List<Problem> problems) {
  /** Copies the list. */
  public ValidationReport {
    problems = List.copyOf(problems);
  }

  /** The problems that dropped a row, cell or image. */
  public List<Problem> errors() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
  }

  /** The problems that kept everything but look wrong. */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
  }

  /** Whether no problem at all was found. */
  public boolean isClean() {
    return problems.isEmpty();
  }
}
