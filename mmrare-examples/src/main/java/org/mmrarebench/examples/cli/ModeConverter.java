package org.mmrarebench.examples.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.mmrarebench.scoring.ScoringMode;
import picocli.CommandLine;

/** {@code --mode}: compat or strict, in any case; anything else names the valid modes. */
final class ModeConverter implements CommandLine.ITypeConverter<ScoringMode> {
  @Override
  public ScoringMode convert(String value) {
    for (ScoringMode m : ScoringMode.values()) {
      if (m.cliName().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw new CommandLine.TypeConversionException("unknown mode '" + value + "'; valid modes: "
        + Arrays.stream(ScoringMode.values()).map(ScoringMode::cliName).collect(Collectors.joining(", "))
        + " (compat reads judge replies as the reference does; strict never turns a failure into a score)");
  }
}
