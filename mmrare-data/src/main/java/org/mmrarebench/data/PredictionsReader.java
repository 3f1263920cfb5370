package org.mmrarebench.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Prediction;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.internal.JsonLines;
import org.mmrarebench.data.internal.PandasTsvReader;
import org.mmrarebench.data.internal.PyValues;
import org.mmrarebench.data.internal.XlsxSheet;

/**
 * Reads prediction files: a TSV with {@code index} and {@code prediction} columns, read as the
 * reference reads its files (a missing-value marker becomes {@code nan}), or JSON lines
 * {@code {"index", "prediction"}} taken as they are. Rows keep file order.
 */
public final class PredictionsReader {

  private PredictionsReader() {}

  /**
   * Reads {@code file}, choosing the format by extension: {@code .jsonl}/{@code .ndjson} lines,
   * {@code .xlsx} (VLMEvalKit's {@code <model>_<dataset>.xlsx}), {@code .json} (VLMEvalKit's JSON
   * variant: a list of records or pandas' column-oriented object), else TSV (also VLMEvalKit's).
   *
   * @throws InvalidDataException naming the file, line and index of the first problem
   */
  public static List<Prediction> read(Path file, Track track) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (Track other : Track.values()) {
      String dataset = "_" + other.vlmevalkitDataset().toLowerCase(Locale.ROOT) + ".";
      if (other != track && name.contains(dataset)) {
        throw new InvalidDataException(Problem.error("WRONG_TRACK", file.toString(), 0, null, null,
            "the file is named for " + other.vlmevalkitDataset() + " (the " + other.folder() + " track), but predictions"
                + " for " + track.folder() + " were asked for.",
            "Pass --track " + other.folder() + ", or the file made for " + track.vlmevalkitDataset() + "."));
      }
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return readJsonl(file, track);
    }
    if (name.endsWith(".xlsx")) {
      return readXlsx(file, track);
    }
    if (name.endsWith(".json")) {
      return readJson(file, track);
    }
    return readTsv(file, track);
  }

  /** Reads a VLMEvalKit prediction workbook as {@code pandas.read_excel} does. */
  public static List<Prediction> readXlsx(Path file, Track track) {
    List<List<String>> rows;
    try {
      rows = XlsxSheet.read(file);
    } catch (IOException e) {
      throw new MmrareException("Cannot read " + file + " as an .xlsx workbook: " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> header = rows.get(0);
    int ix = header.indexOf("index");
    int px = header.indexOf("prediction");
    if (px < 0) {
      throw new InvalidDataException(Problem.error("MISSING_COLUMN", file.toString(), 1, "prediction", null,
          "the column 'prediction' is missing; the header has " + header + ".",
          "Use the <model>_<dataset>.xlsx VLMEvalKit writes after inference."));
    }
    List<String> indices = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      indices.add(ix >= 0 ? (ix < row.size() ? row.get(ix) : null) : Integer.toString(r - 1));
      String t = px < row.size() ? row.get(px) : null;
      texts.add(t == null ? PyValues.NAN : t);
      lines.add(r + 1);
    }
    return assemble(file, track, indices, texts, lines);
  }

  /** Reads VLMEvalKit's JSON variant: a list of records, or pandas' {@code {"column": {"row": value}}}. */
  public static List<Prediction> readJson(Path file, Track track) {
    JsonNode root;
    try {
      root = org.mmrarebench.data.internal.JsonTrees.read(file);
    } catch (IOException e) {
      throw new InvalidDataException(Problem.error("BAD_JSON", file.toString(), 0, null, null,
          "the file is not JSON (" + e.getMessage() + ").", "Write a list of {\"index\", \"prediction\"} records."));
    }
    List<String> indices = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    if (root != null && root.isArray()) {
      for (JsonNode rec : root) {
        indices.add(rec.hasNonNull("index") ? rec.get("index").asText() : null);
        texts.add(rec.hasNonNull("prediction") ? rec.get("prediction").asText() : PyValues.NAN);
        lines.add(0);
      }
    } else if (root != null && root.has("prediction") && root.get("prediction").isObject()) {
      root.get("prediction").fields().forEachRemaining(e -> {
        JsonNode idx = root.has("index") ? root.get("index").get(e.getKey()) : null;
        indices.add(idx != null && !idx.isNull() ? idx.asText() : e.getKey());
        texts.add(e.getValue().isNull() ? PyValues.NAN : e.getValue().asText());
        lines.add(0);
      });
    } else {
      throw new InvalidDataException(Problem.error("BAD_JSON", file.toString(), 0, null, null,
          "expected a list of records or a column-oriented object with a 'prediction' column.",
          "Write a list of {\"index\", \"prediction\"} records."));
    }
    return assemble(file, track, indices, texts, lines);
  }

  /** Reads a TSV prediction file with pandas semantics. */
  public static List<Prediction> readTsv(Path file, Track track) {
    List<String> indices = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      PandasTsvReader r = new PandasTsvReader(in);
      int ix = r.header().indexOf("index");
      int px = r.header().indexOf("prediction");
      if (px < 0) {
        throw new InvalidDataException(Problem.error("MISSING_COLUMN", file.toString(), 1, "prediction", null,
            "the column 'prediction' is missing; the header has " + r.header() + ".",
            "Write a TSV with 'index' and 'prediction' columns."));
      }
      PandasTsvReader.Row row;
      int n = 0;
      while ((row = r.next()) != null) {
        indices.add(ix >= 0 ? row.cells()[ix] : Integer.toString(n));
        String t = row.cells()[px];
        texts.add(t == null ? PyValues.NAN : t);
        lines.add(row.line());
        n++;
      }
    } catch (PandasTsvReader.SyntaxError e) {
      throw new InvalidDataException(Problem.error("TSV_SYNTAX", file.toString(), e.line(), null, null,
          e.getMessage(), "Close the quote (a quote inside a quoted cell is written as two quotes)."));
    } catch (IOException e) {
      throw new MmrareException("Cannot read predictions " + file + ": " + e.getMessage(), e);
    }
    return assemble(file, track, indices, texts, lines);
  }

  /** Index normalisation (pandas int64 columns), missing-index and duplicate checks, in file order. */
  private static List<Prediction> assemble(Path file, Track track, List<String> indices, List<String> texts, List<Integer> lines) {
    boolean ints = PyValues.isIntColumn(indices);
    List<Prediction> out = new ArrayList<>(texts.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String raw = indices.get(i);
      if (raw == null) {
        throw new InvalidDataException(Problem.error("MISSING_INDEX", file.toString(), lines.get(i), "index", null,
            "the index cell is empty.", "Give every prediction the index of its item."));
      }
      String index = ints ? PyValues.intText(raw) : raw;
      checkUnique(seen, index, file, lines.get(i));
      out.add(Prediction.of(ItemId.of(track, index), texts.get(i)));
    }
    return out;
  }

  /**
   * Reads JSON lines {@code {"index": ..., "prediction": ...}}; the prediction is taken as is. Lines
   * may name their {@code track} (the {@code items.jsonl} that {@code evaluate} writes holds every
   * track): lines of other tracks are left out, and a file with tracks but none of {@code track} is
   * refused. A line whose {@code status} is {@code MODEL_ERROR} is a model failure, not an answer.
   */
  public static List<Prediction> readJsonl(Path file, Track track) {
    List<Prediction> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    java.util.Set<String> otherTracks = new java.util.TreeSet<>();
    JsonLines.forEachObject(file, "BAD_JSON_LINE",
        "Write one object per line: {\"index\": \"12\", \"prediction\": \"...\"}.", (n, o) -> {
          JsonNode tr = o.get("track");
          if (tr != null && !tr.isNull()) {
            java.util.Optional<Track> t = tr.isTextual() ? Track.find(tr.textValue()) : java.util.Optional.empty();
            if (t.isEmpty()) {
              throw new InvalidDataException(Problem.error("BAD_TRACK", file.toString(), n, "track", null,
                  "'track' is " + tr + ", not one of diagnosis, treatment, crossmodal, examination.",
                  "Fix the track name or drop the field."));
            }
            if (t.get() != track) {
              otherTracks.add(t.get().folder());
              return;
            }
          }
          JsonNode idx = o.get("index");
          JsonNode pred = o.get("prediction");
          if (idx == null || !(idx.isTextual() || idx.isIntegralNumber())) {
            throw new InvalidDataException(Problem.error("BAD_INDEX", file.toString(), n, "index", null,
                "'index' is missing or not a string or integer.", "Give every line an \"index\"."));
          }
          String index = idx.asText();
          if (pred == null || !(pred.isTextual() || pred.isNull())) {
            throw new InvalidDataException(Problem.error("BAD_PREDICTION", file.toString(), n, "prediction", index,
                "'prediction' is missing or not a string.", "Give every line a \"prediction\" string (or null)."));
          }
          checkUnique(seen, index, file, n);
          ItemId id = ItemId.of(track, index);
          JsonNode status = o.get("status");
          if (status != null && "MODEL_ERROR".equals(status.asText())) {
            JsonNode msg = o.get("message");
            out.add(Prediction.failed(id, msg != null && msg.isTextual() ? msg.textValue() : "model error"));
          } else {
            out.add(Prediction.of(id, pred.isNull() ? PyValues.NAN : pred.textValue()));
          }
      });
    if (out.isEmpty() && !otherTracks.isEmpty()) {
      throw new InvalidDataException(Problem.error("WRONG_TRACK", file.toString(), 0, "track", null,
          "the file holds predictions for " + String.join(", ", otherTracks) + ", none for " + track.folder() + ".",
          "Pass the --track the predictions were made for."));
    }
    return out;
  }

  private static void checkUnique(Map<String, Integer> seen, String index, Path file, int line) {
    Integer first = seen.putIfAbsent(index, line);
    if (first != null) {
      throw new InvalidDataException(Problem.error("DUPLICATE_INDEX", file.toString(), line, "index", index,
          "index " + index + " already has a prediction at line " + first + ".", "Keep one prediction per index."));
    }
  }
}
