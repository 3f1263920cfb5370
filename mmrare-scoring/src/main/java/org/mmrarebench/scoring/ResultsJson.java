package org.mmrarebench.scoring;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.AtomicFiles;
import org.mmrarebench.scoring.internal.JsonFiles;
import org.mmrarebench.scoring.internal.JsonP;

/**
 * Reads and writes results files with JSON-P: {@code items.jsonl} (one {@link ItemResult} per
 * line, with {@code track} on every line) and {@code metrics.json}. Files are written to a temporary
 * name and moved into place, so a crash never leaves a half-written file.
 */
public final class ResultsJson {
  private ResultsJson() {}

  /** One item as its {@code items.jsonl} line (without the newline). */
  public static String itemLine(ItemResult r) {
    return JsonFiles.line(toJson(r));
  }

  /**
   * Reads one {@code items.jsonl} line back.
   *
   * @throws IllegalArgumentException when the line is not an item result
   */
  public static ItemResult parseItemLine(String line) {
    try {
      return fromJson(JsonFiles.objectLine(line));
    } catch (JsonException | IllegalStateException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("not an item result line (" + e.getMessage() + ")", e);
    }
  }

  static JsonObject toJson(ItemResult r) {
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

  static ItemResult fromJson(JsonObject o) {
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
    List<ItemResult> list = results instanceof List<ItemResult> l ? l : new ArrayList<>(results);
    atomically(file, w -> {
      // streamed as text: 100,000 items cost a tenth of what JSON-P generators did
      if (list.size() < 2 * LINES_PER_CHUNK) {
        w.append(lines(list, 0, list.size()));
        return;
      }
      // Large files: chunks of lines are formatted on two threads while the writer appends them in
      // order; at most four chunks wait, so memory stays bounded (about 2 MB a chunk at 530 bytes a line).
      java.util.concurrent.ExecutorService pool = org.mmrarebench.core.internal.Threads.daemonPool(2, "mmrare-items");
      try {
        java.util.ArrayDeque<java.util.concurrent.Future<StringBuilder>> ready = new java.util.ArrayDeque<>();
        int next = 0;
        while (next < list.size() || !ready.isEmpty()) {
          while (next < list.size() && ready.size() < 4) {
            int from = next;
            int to = Math.min(list.size(), from + LINES_PER_CHUNK);
            ready.add(pool.submit(() -> lines(list, from, to)));
            next = to;
          }
          w.append(org.mmrarebench.core.internal.Threads.await(ready.poll(), "Writing " + file));
        }
      } finally {
        pool.shutdownNow();
      }
    });
  }

  private static final int LINES_PER_CHUNK = 4096;

  /** The lines of {@code list[from, to)}, each with its newline. */
  private static StringBuilder lines(List<ItemResult> list, int from, int to) {
    StringBuilder sb = new StringBuilder((to - from) * 512);
    for (int i = from; i < to; i++) {
      appendLine(sb, list.get(i));
    }
    return sb;
  }

  /**
   * One line of items.jsonl (with its newline): the fields of {@link #toJson(ItemResult)} in the same
   * order and the same text, byte for byte (ResultsJsonTest checks), lone surrogates escaped.
   */
  static void appendLine(StringBuilder sb, ItemResult r) {
    field(sb, "{", "track").append('"').append(r.track().folder()).append('"');
    JsonP.appendString(field(sb, ",", "index"), r.index());
    field(sb, ",", "status").append('"').append(r.status().name()).append('"');
    field(sb, ",", "mode").append('"').append(r.mode().cliName()).append('"');
    field(sb, ",", "fallback").append(r.fallback());
    appendDouble(field(sb, ",", "score"), r.score());
    if (r.track() == Track.DIAGNOSIS) {
      appendDouble(field(sb, ",", "f1"), r.f1());
    }
    JsonP.appendString(field(sb, ",", "prediction"), r.prediction());
    appendText(field(sb, ",", "judge_prompt_sha256"), r.judgePromptSha256());
    appendText(field(sb, ",", "judge_reply"), r.judgeReply());
    field(sb, ",", "verdicts").append('[');
    for (int i = 0; i < r.verdicts().size(); i++) {
      sb.append(i == 0 ? "" : ",").append(r.verdicts().get(i).intValue());
    }
    sb.append(']');
    appendText(field(sb, ",", "message"), r.message());
    field(sb, ",", "image_count").append(r.imageCount());
    JsonP.appendString(field(sb, ",", "category"), r.category());
    JsonP.appendString(field(sb, ",", "orpha_code"), r.orphaCode());
    String sep = "{";
    field(sb, ",", "scorers");
    for (Map.Entry<String, Double> e : r.scorers().entrySet()) {
      JsonP.appendString(sb.append(sep), e.getKey()).append(':').append(JsonP.number(e.getValue()));
      sep = ",";
    }
    sb.append(sep.equals("{") ? "{}" : "}");
    sep = "{";
    field(sb, ",", "annotations");
    for (Map.Entry<String, String> e : r.annotations().entrySet()) {
      JsonP.appendString(JsonP.appendString(sb.append(sep), e.getKey()).append(':'), e.getValue());
      sep = ",";
    }
    sb.append(sep.equals("{") ? "{}" : "}").append("}\n");
  }

  private static StringBuilder field(StringBuilder sb, String before, String name) {
    return sb.append(before).append('"').append(name).append("\":");
  }

  private static void appendDouble(StringBuilder sb, OptionalDouble v) {
    sb.append(v.isPresent() && Double.isFinite(v.getAsDouble()) ? JsonP.number(v.getAsDouble()) : "null");
  }

  private static void appendText(StringBuilder sb, Optional<String> v) {
    if (v.isPresent()) {
      JsonP.appendString(sb, v.get());
    } else {
      sb.append("null");
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
    JsonFiles.forEachObjectLine(file, "BAD_RESULT_LINE", fix, (n, o) -> {
      try {
        out.add(fromJson(o));
      } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
        throw new InvalidDataException(Problem.error("BAD_RESULT_LINE", file.toString(), n, null, null,
            "the line is not an item result (" + e.getMessage() + ").", fix));
      }
    });
    return out;
  }

  /**
   * Writes plain Java values (maps, lists, strings, numbers, booleans, null; NaN as null), for
   * example {@link EvaluationResult#toMetricsMap()}, as a pretty-printed JSON file, atomically.
   * Maps without an order of their own are written sorted, so files are deterministic.
   */
  public static void writeJson(Path file, Object value) {
    JsonFiles.writeJson(file, JsonFiles.toJson(value));
  }

  /** Plain Java values as JSON text on one line. */
  public static String jsonText(Object value) {
    return JsonFiles.line(JsonFiles.toJson(value));
  }

  /**
   * Reads a JSON object file (such as {@code metrics.json} or {@code run.json}) as plain Java values:
   * ordered maps, lists, strings, longs or doubles, booleans and nulls.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readJson(Path file) {
    return (Map<String, Object>) JsonFiles.toPlain(JsonFiles.readObject(file));
  }

  private static void atomically(Path file, AtomicFiles.Body body) {
    AtomicFiles.write(file, body);
  }
}
