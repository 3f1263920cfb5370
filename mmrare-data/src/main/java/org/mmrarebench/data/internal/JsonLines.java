package org.mmrarebench.data.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.internal.TextLines;

/**
 * The one reader of JSON-lines files written by other tools (predictions, recorded judge replies):
 * Jackson, which reads what Python's {@code json.dumps} writes ({@code NaN}, {@code Infinity}
 * included). mmrare's own files are read with JSON-P. Not API.
 */
public final class JsonLines {

  private JsonLines() {}

  /** Receives one JSON object with its 1-based line number. */
  @FunctionalInterface
  public interface LineConsumer {
    /** Handles the object on {@code line}. */
    void accept(int line, JsonNode object);
  }

  /**
   * Reads a JSON-lines file of objects, skipping blank lines.
   *
   * @param kind the problem kind reported for a line that is not a JSON object
   * @param fix how to fix such a line
   * @throws InvalidDataException naming the file and line of the first bad line
   */
  public static void forEachObject(Path file, String kind, String fix, LineConsumer consumer) {
    TextLines.forEach(file, (n, line) -> {
      JsonNode o;
      try {
        // a line with text after its object is refused, as Python's json.loads refuses it
        o = JsonTrees.read(line);
      } catch (IOException e) {
        throw new InvalidDataException(Problem.error(kind, file.toString(), n, null, null, describe(e), fix));
      }
      if (o == null || !o.isObject()) {
        throw new InvalidDataException(Problem.error(kind, file.toString(), n, null, null,
            "the line is JSON but not an object.", fix));
      }
      consumer.accept(n, o);
    });
  }


  /** Why Jackson refused a line or file, in the reader's words. */
  private static String describe(IOException e) {
    String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? jp.getOriginalMessage()
        : e.getMessage();
    if (why != null && why.startsWith("Trailing token")) {
      return "text follows the JSON value (a line holds one object; Python's json.loads refuses it too).";
    }
    return "the line is not JSON (" + why + ").";
  }

  /** An {@code index} as text: a string as is, a number as written; empty when absent or another type. */
  public static java.util.Optional<String> index(JsonNode o) {
    JsonNode v = o.get("index");
    if (v == null) {
      return java.util.Optional.empty();
    }
    if (v.isTextual()) {
      return java.util.Optional.of(v.textValue());
    }
    return v.isNumber() ? java.util.Optional.of(v.asText()) : java.util.Optional.empty();
  }
}
