package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.examples.cli.MmrareCli;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

/** A command line that explains itself: every option described, defaults shown, errors in the user's words. */
class CliHelpTest {
  static List<CommandLine> all(CommandLine c) {
    List<CommandLine> out = new ArrayList<>(List.of(c));
    c.getSubcommands().values().forEach(s -> out.addAll(all(s)));
    return out;
  }

  @Test
  void everyOptionHasADescriptionAMeaningfulPlaceholderAndItsDefault() {
    for (CommandLine c : all(MmrareCli.commandLine(""))) {
      CommandSpec spec = c.getCommandSpec();
      for (OptionSpec o : spec.options()) {
        String where = spec.qualifiedName() + " " + o.longestName();
        assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), where + " has no description");
        if (o.arity().max() > 0) {
          assertFalse(o.paramLabel().startsWith("<"), where + " shows the field name " + o.paramLabel());
        }
        if (o.defaultValue() != null && !o.usageHelp() && !o.versionHelp()) {
          assertTrue(String.join(" ", o.description()).contains("(default: " + o.defaultValue()), where + " hides its default");
        }
      }
      for (PositionalParamSpec p : spec.positionalParameters()) {
        assertFalse(p.paramLabel().startsWith("<"), spec.qualifiedName() + " shows " + p.paramLabel());
        assertTrue(p.description().length > 0, spec.qualifiedName() + " " + p.paramLabel() + " has no description");
      }
      // picocli formats descriptions with String.format: a bare % prints a warning and the raw text
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      spec.options().forEach(o -> texts.addAll(List.of(o.description())));
      for (String t : texts) {
        assertDoesNotThrow(() -> String.format(t), spec.qualifiedName() + ": escape % as %% in '" + t + "'");
      }
      String usage = c.getUsageMessage();
      for (String line : usage.split("\n")) {
        assertTrue(line.length() <= 110, "help line over 110 columns in " + spec.qualifiedName() + ": " + line);
      }
      assertFalse(usage.contains("http: //"), "a URL broken inside: " + spec.qualifiedName());
    }
  }

  @Test
  void errorsSpeakTheUsersLanguage(@TempDir Path tmp) throws IOException {
    CliTest.Run mode = CliTest.run("evaluate", "--mode", "fast");
    assertEquals(2, mode.code());
    assertTrue(mode.err().contains("unknown mode 'fast'; valid modes: compat, strict"), mode.err());
    assertFalse(mode.err().contains("No enum constant"), mode.err());
    CliTest.Run temp = CliTest.run("evaluate", "--temperature", "-1", "--out", tmp.resolve("t").toString(), "--quiet");
    assertEquals(1, temp.code());
    assertTrue(temp.err().contains("--temperature must be between 0 and 2, was -1.0"), temp.err());
    assertFalse(temp.err().contains("OptionalDouble"), temp.err());
    CliTest.Run missing = CliTest.run("score", "--track", "diagnosis", "--predictions", tmp.resolve("nope.tsv")
        .toString(), "--out", tmp.resolve("o").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no such file or directory: " + tmp.resolve("nope.tsv")), missing.err());
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    CliTest.Run notDir = CliTest.run("validate", "--data", file.toString());
    assertEquals(1, notDir.code());
    assertTrue(notDir.err().contains("is a file; --data needs a directory"), notDir.err());
    CliTest.Run outFile = CliTest.run("evaluate", "--out", file.toString(), "--quiet");
    assertEquals(1, outFile.code());
    assertTrue(outFile.err().contains("is a file; a run directory is needed"), outFile.err());
  }

  @Test
  void orphanetLookupSuggestsTheClosestNames() {
    CliTest.Run r = CliTest.run("orphanet", "lookup", "Gaucher");
    assertEquals(1, r.code());
    assertTrue(r.out().contains("the closest names:"), r.out());
    assertTrue(r.out().contains("ORPHA:355    Gaucher disease\n"), r.out());
    CliTest.Run typo = CliTest.run("orphanet", "lookup", "Gauchre", "disease");
    assertTrue(typo.out().contains("ORPHA:355    Gaucher disease"), typo.out());
  }

  @Test
  void statsAndValidatePrintForPeople(@TempDir Path tmp) throws IOException {
    CliTest.Run s = CliTest.run("stats");
    assertEquals(0, s.code());
    assertTrue(s.out().contains("image/png 45"), s.out());
    assertFalse(s.out().contains("{image/png=45}") || s.out().contains("={"), s.out());
    Files.createDirectories(tmp.resolve("treatment"));
    Files.writeString(tmp.resolve("treatment/treatment_plan.tsv"), "index\tquestion\tcontext\n0\tq\tc\n");
    CliTest.Run v = CliTest.run("validate", "--data", tmp.toString());
    assertTrue(v.out().contains("0 items read; 1 error, 1 warning") || v.out().contains("; 1 error,"), v.out());
  }
}
