package org.mmrarebench.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mmrarebench.core.MmrareException;

/**
 * The one loop over the lines of a UTF-8 text file that every line-oriented reader shares (JSON
 * lines with Jackson or JSON-P, CSV): 1-based line numbers for messages, blank lines skipped, a
 * missing file said plainly. Not API.
 */
public final class TextLines {
  private TextLines() {}

  /** Receives one non-blank line and its 1-based number. */
  @FunctionalInterface
  public interface Consumer {
    /** Handles {@code text}, line {@code line} of the file. */
    void accept(int line, String text);
  }

  /**
   * Calls {@code consumer} for every non-blank line of {@code file}, in order.
   *
   * @throws MmrareException naming the file when it cannot be read
   */
  public static void forEach(Path file, Consumer consumer) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank()) {
          consumer.accept(n, line);
        }
      }
    } catch (NoSuchFileException e) {
      throw new MmrareException("Cannot read " + file + ": no such file.", e);
    } catch (IOException e) {
      throw new MmrareException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
