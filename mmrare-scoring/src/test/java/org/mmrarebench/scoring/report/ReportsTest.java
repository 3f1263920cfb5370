package org.mmrarebench.scoring.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Leaderboard cells a spreadsheet or a Markdown viewer cannot turn into formulas or markup. */
class ReportsTest {
  @Test
  void csvCellsNeverStartAFormula() {
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Reports.q("=HYPERLINK(\"http://x\")"));
    assertEquals("\"'+1+1\"", Reports.q("+1+1"));
    assertEquals("\"'@SUM(A1)\"", Reports.q("@SUM(A1)"));
    assertEquals("\"'-cmd\"", Reports.q("-cmd"));
    assertEquals("\"'\tx\"", Reports.q("\tx"));
    assertEquals("\"-0.5\"", Reports.q("-0.5"), "a negative number stays a number");
    assertEquals("\"model-a\"", Reports.q("model-a"));
  }

  @Test
  void markdownCellsEscapePipesAndHtml() {
    assertEquals("a \\| b &lt;img src=x&gt; c", Reports.md("a | b <img src=x>\nc"));
  }
}
