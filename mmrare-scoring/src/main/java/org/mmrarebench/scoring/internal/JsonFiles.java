package org.mmrarebench.scoring.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.internal.AtomicFiles;
import org.mmrarebench.core.internal.TextLines;

/**
 * JSON-P plumbing for the files mmrare writes and reads back itself ({@code metrics.json},
 * {@code run.json}, {@code items.jsonl}, the journal, cache entries): plain Java values to JSON and
 * back, one-line and pretty text, atomic writes. Files written by other tools (predictions, judge
 * replies) are read with Jackson instead ({@code org.mmrarebench.data.internal.JsonLines}). Not API.
 */
public final class JsonFiles {
  private static final JsonWriterFactory PRETTY = JsonP.PROVIDER.createWriterFactory(
      Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private JsonFiles() {}

  /** A JSON value on one line. */
  public static String line(JsonValue v) {
    StringWriter sw = new StringWriter();
    try (JsonWriter jw = JsonP.PROVIDER.createWriter(sw)) {
      jw.write(v);
    }
    return JsonP.escapeLoneSurrogates(sw.toString());
  }


  /**
   * The one JSON object a line of an mmrare JSON-lines file holds. Text after the object is an error
   * (JSON-P's reader would stop at the object and drop it, so two records run together by a damaged
   * write would read as one).
   *
   * @throws JsonException when the line is not exactly one JSON object
   */
  public static JsonObject objectLine(String line) {
    try (jakarta.json.stream.JsonParser p = JsonP.PROVIDER.createParser(new StringReader(line))) {
      if (!p.hasNext() || p.next() != jakarta.json.stream.JsonParser.Event.START_OBJECT) {
        throw new JsonException("the line is JSON but not an object");
      }
      JsonObject o = p.getObject();
      if (p.hasNext()) {
        throw new JsonException("text follows the JSON object");
      }
      return o;
    }
  }

  /** Receives one JSON object line with its 1-based line number. */
  @FunctionalInterface
  public interface LineConsumer {
    /** Handles the object on {@code line}. */
    void accept(int line, JsonObject object);
  }

  /**
   * Reads a JSON-lines file of objects, skipping blank lines.
   *
   * @param kind the problem kind reported for a line that is not a JSON object
   * @param fix how to fix such a line
   * @throws InvalidDataException naming the file and line of the first bad line
   */
  public static void forEachObjectLine(Path file, String kind, String fix, LineConsumer consumer) {
    TextLines.forEach(file, (n, line) -> {
      JsonObject o;
      try {
        o = objectLine(line);
      } catch (JsonException | IllegalStateException e) {
        throw new InvalidDataException(Problem.error(kind, file.toString(), n, null, null,
            "the line is not a JSON object (" + e.getMessage() + ").", fix));
      }
      consumer.accept(n, o);
    });
  }



  /** A metrics map (numbers, strings, booleans, lists and nested maps; NaN as null) as JSON. */
  public static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Map<?, ?> m) {
      JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder();
      // Maps without a defined order (Map.of, HashMap) are written sorted, so files are deterministic.
      Map<?, ?> ordered = m;
      if (!(m instanceof java.util.LinkedHashMap || m instanceof java.util.SortedMap)) {
        Map<String, Object> sorted = new TreeMap<>();
        m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        ordered = sorted;
      }
      ordered.forEach((k, v) -> b.add(String.valueOf(k), toJson(v)));
      return b.build();
    }
    if (value instanceof Collection<?> c) {
      JsonArrayBuilder b = JsonP.PROVIDER.createArrayBuilder();
      c.forEach(v -> b.add(toJson(v)));
      return b.build();
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? JsonP.PROVIDER.createValue(d) : JsonValue.NULL;
    }
    if (value instanceof Integer i) {
      return JsonP.PROVIDER.createValue(i);
    }
    if (value instanceof Long l) {
      return JsonP.PROVIDER.createValue(l);
    }
    if (value instanceof Number n) {
      return JsonP.PROVIDER.createValue(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    return JsonP.PROVIDER.createValue(String.valueOf(value));
  }

  /** Writes a JSON value, pretty-printed, atomically. */
  public static void writeJson(Path file, JsonValue value) {
    String text = pretty(value) + "\n";
    AtomicFiles.writeString(file, text);
  }

  /** A JSON value, pretty-printed, without surrounding blank lines. */
  public static String pretty(JsonValue value) {
    StringWriter sw = new StringWriter();
    try (JsonWriter jw = PRETTY.createWriter(sw)) {
      jw.write(value);
    }
    return JsonP.escapeLoneSurrogates(sw.toString().strip());
  }

  /** Reads a JSON object file. */
  public static JsonObject readObject(Path file) {
    try (JsonReader jr = JsonP.PROVIDER.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      return jr.readObject();
    } catch (IOException | JsonException e) {
      throw new MmrareException("Cannot read JSON object " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads an array of numbers from a JSON object, if present. */
  public static Optional<JsonArray> array(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonArray a ? Optional.of(a) : Optional.empty();
  }


  /** JSON-P values as plain Java values: maps (ordered), lists, strings, longs or doubles, booleans, null. */
  public static Object toPlain(JsonValue v) {
    if (v instanceof JsonObject o) {
      Map<String, Object> m = new LinkedHashMap<>();
      o.forEach((k, x) -> m.put(k, toPlain(x)));
      return m;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber num) {
      return num.isIntegral() ? (Object) num.longValue() : (Object) num.doubleValue();
    }
    if (v instanceof JsonArray a) {
      return a.stream().map(JsonFiles::toPlain).toList();
    }
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    return null;
  }
}
