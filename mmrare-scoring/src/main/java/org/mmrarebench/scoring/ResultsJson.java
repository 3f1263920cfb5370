package org.mmrarebench.scoring;

import org.mmrarebench.scoring.internal.JsonP;
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
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.AtomicFiles;

/**
 * Reads and writes results files with JSON-P: {@code items.jsonl} (one {@link ItemResult} per
 * line, with {@code track} on every line) and {@code metrics.json}. Files are written to a temporary
 * name and moved into place, so a crash never leaves a half-written file.
 */
public final class ResultsJson {
  private static final JsonWriterFactory PRETTY = JsonP.PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private ResultsJson() {}

  /** One item as a JSON object. */
  public static JsonObject toJson(ItemResult r) {
    JsonObjectBuilder b = JsonP.PROVIDER.createObjectBuilder()
        .add("track", r.track().folder())
        .add("index", r.index())
        .add("status", r.status().name())
        .add("mode", r.mode().cliName())
        .add("fallback", r.fallback());
    putDouble(b, "score", r.score());
    if (r.track() == Track.DIAGNOSIS) {
      putDouble(b, "f1", r.f1());
    }
    b.add("prediction", r.prediction());
    r.judgePromptSha256().ifPresentOrElse(s -> b.add("judge_prompt_sha256", s), () -> b.addNull("judge_prompt_sha256"));
    r.judgeReply().ifPresentOrElse(s -> b.add("judge_reply", s), () -> b.addNull("judge_reply"));
    JsonArrayBuilder v = JsonP.PROVIDER.createArrayBuilder();
    r.verdicts().forEach(v::add);
    b.add("verdicts", v);
    r.message().ifPresentOrElse(s -> b.add("message", s), () -> b.addNull("message"));
    b.add("image_count", r.imageCount()).add("category", r.category()).add("orpha_code", r.orphaCode());
    JsonObjectBuilder sc = JsonP.PROVIDER.createObjectBuilder();
    r.scorers().forEach(sc::add);
    b.add("scorers", sc);
    JsonObjectBuilder an = JsonP.PROVIDER.createObjectBuilder();
    r.annotations().forEach(an::add);
    b.add("annotations", an);
    return b.build();
  }

  private static void putDouble(JsonObjectBuilder b, String key, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      b.add(key, v.getAsDouble());
    } else {
      b.addNull(key);
    }
  }

  /** Reads one item line back. */
  public static ItemResult fromJson(JsonObject o) {
    List<Integer> verdicts = new ArrayList<>();
    o.getJsonArray("verdicts").forEach(x -> verdicts.add(((JsonNumber) x).intValue()));
    Map<String, Double> scorers = new TreeMap<>();
    JsonObject sc = o.getJsonObject("scorers");
    if (sc != null) {
      sc.forEach((k, x) -> scorers.put(k, ((JsonNumber) x).doubleValue()));
    }
    Map<String, String> annotations = new TreeMap<>();
    JsonObject an = o.getJsonObject("annotations");
    if (an != null) {
      an.forEach((k, x) -> annotations.put(k, ((JsonString) x).getString()));
    }
    return new ItemResult(Track.parse(o.getString("track")), o.getString("index"), o.getString("prediction"),
        optString(o, "judge_prompt_sha256"), optString(o, "judge_reply"), verdicts, optDouble(o, "score"),
        optDouble(o, "f1"), ItemStatus.valueOf(o.getString("status")), ScoringMode.valueOf(o.getString("mode")
            .toUpperCase(java.util.Locale.ROOT)), o.getBoolean("fallback"), optString(o, "message"),
        o.getInt("image_count"), o.getString("category"), o.getString("orpha_code"), scorers,
        annotations);
  }

  private static Optional<String> optString(JsonObject o, String k) {
    JsonValue v = o.get(k);
    return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  private static OptionalDouble optDouble(JsonObject o, String k) {
    JsonValue v = o.get(k);
    return v instanceof JsonNumber n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /** Writes {@code items.jsonl} atomically. */
  public static void writeItems(Path file, Collection<ItemResult> results) {
    atomically(file, w -> {
      for (ItemResult r : results) {
        w.write(line(toJson(r)));
        w.write('\n');
      }
    });
  }

  /** A JSON value on one line. */
  public static String line(JsonValue v) {
    StringWriter sw = new StringWriter();
    try (JsonWriter jw = JsonP.PROVIDER.createWriter(sw)) {
      jw.write(v);
    }
    return sw.toString();
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
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonObject o;
        try (JsonReader jr = JsonP.PROVIDER.createReader(new StringReader(line))) {
          o = jr.readObject();
        } catch (JsonException | IllegalStateException e) {
          throw new InvalidDataException(Problem.error(kind, file.toString(), n, null, null,
              "the line is not a JSON object (" + e.getMessage() + ").", fix));
        }
        consumer.accept(n, o);
      }
    } catch (IOException e) {
      throw new MmrareException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads an {@code items.jsonl} file.
   *
   * @throws InvalidDataException naming the file and line of the first bad line
   */
  public static List<ItemResult> readItems(Path file) {
    List<ItemResult> out = new ArrayList<>();
    String fix = "Use an items.jsonl written by mmrare, or remove the damaged line.";
    forEachObjectLine(file, "BAD_RESULT_LINE", fix, (n, o) -> {
      try {
        out.add(fromJson(o));
      } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
        throw new InvalidDataException(Problem.error("BAD_RESULT_LINE", file.toString(), n, null, null,
            "the line is not an item result (" + e.getMessage() + ").", fix));
      }
    });
    return out;
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
    atomically(file, w -> w.write(text));
  }

  /** A JSON value, pretty-printed, without surrounding blank lines. */
  public static String pretty(JsonValue value) {
    StringWriter sw = new StringWriter();
    try (JsonWriter jw = PRETTY.createWriter(sw)) {
      jw.write(value);
    }
    return sw.toString().strip();
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

  private static void atomically(Path file, AtomicFiles.Body body) {
    AtomicFiles.write(file, body);
  }
}
