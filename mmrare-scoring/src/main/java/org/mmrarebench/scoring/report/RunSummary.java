package org.mmrarebench.scoring.report;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.ResultsJson;
import org.mmrarebench.scoring.internal.JsonFiles;

/**
 * One run directory as the reports see it: written by {@code evaluate} ({@code run.json},
 * {@code metrics.json} with a {@code tracks} object, {@code items.jsonl}) or by {@code score}
 * (one track's flat {@code metrics.json} with {@code provenance}).
 */
public final class RunSummary {
  private final Path dir;
  private final String model;
  private final String judge;
  private final String mode;
  private final Map<Track, JsonObject> tracks;
  private final List<ItemResult> items;
  private final JsonObject provenance;

  private RunSummary(Path dir, String model, String judge, String mode, Map<Track, JsonObject> tracks,
      List<ItemResult> items, JsonObject provenance) {
    this.dir = dir;
    this.model = model;
    this.judge = judge;
    this.mode = mode;
    this.tracks = java.util.Collections.unmodifiableMap(tracks);
    this.items = List.copyOf(items);
    this.provenance = provenance;
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** The model's name (from run.json, else the directory name). */
  public String model() {
    return model;
  }

  /** The judge, or a note that the reference fallback was used. */
  public String judge() {
    return judge;
  }

  /** compat or strict. */
  public String mode() {
    return mode;
  }

  /** The tracks the run has metrics for, in track order. */
  public java.util.Set<Track> tracks() {
    return java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(
        tracks.isEmpty() ? java.util.EnumSet.noneOf(Track.class) : tracks.keySet()));
  }

  /** The item results ({@code items.jsonl}), empty when the directory has none. */
  public List<ItemResult> items() {
    return items;
  }

  /** run.json (or the score provenance) as plain Java values, for display. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> provenance() {
    return (Map<String, Object>) JsonFiles.toPlain(provenance);
  }

  JsonObject trackJson(Track t) {
    return tracks.get(t);
  }

  JsonObject provenanceJson() {
    return provenance;
  }

  /** Reads a run directory. */
  public static RunSummary read(Path dir) {
    Path metrics = dir.resolve("metrics.json");
    if (!Files.isRegularFile(metrics)) {
      throw new ConfigurationException(dir + " has no metrics.json; pass directories written by 'mmrare evaluate'"
          + " or 'mmrare score'.");
    }
    JsonObject m = JsonFiles.readObject(metrics);
    Map<Track, JsonObject> tracks = new EnumMap<>(Track.class);
    JsonObject prov;
    if (m.containsKey("tracks")) {
      m.getJsonObject("tracks").forEach((k, v) -> tracks.put(Track.parse(k), v.asJsonObject()));
      Path run = dir.resolve("run.json");
      prov = Files.isRegularFile(run) ? JsonFiles.readObject(run) : JsonValue.EMPTY_JSON_OBJECT;
    } else {
      prov = m.containsKey("provenance") ? m.getJsonObject("provenance") : JsonValue.EMPTY_JSON_OBJECT;
      tracks.put(Track.parse(prov.getString("track", "diagnosis")), m);
    }
    String model = prov.getString("model", dir.getFileName().toString());
    String judge = prov.get("judge") instanceof jakarta.json.JsonString s ? s.getString()
        : "none: reference fallback";
    String mode = prov.getString("mode", "compat");
    List<ItemResult> items = Files.isRegularFile(dir.resolve("items.jsonl"))
        ? ResultsJson.readItems(dir.resolve("items.jsonl")) : List.of();
    return new RunSummary(dir, model, judge, mode, tracks, items, prov);
  }

  /** The headline metric key of a track in this run. */
  public Optional<String> primaryKey(Track t) {
    JsonObject o = tracks.get(t);
    if (o == null) {
      return Optional.empty();
    }
    String judgeKey = t.folder() + "_judge_score";
    if (o.containsKey(judgeKey)) {
      return Optional.of(judgeKey);
    }
    return Optional.of(t == Track.DIAGNOSIS ? "diagnosis_f1" : "substring_match");
  }

  /** A number from a track's metrics, NaN when absent or null. */
  public double number(Track t, String key) {
    JsonObject o = tracks.get(t);
    if (o == null || !(o.get(key) instanceof JsonNumber n)) {
      return Double.NaN;
    }
    return n.doubleValue();
  }

  /** Whether the run's data is marked synthetic (the embedded sample, a fixture). */
  public boolean synthetic() {
    return provenance.get("dataset") instanceof JsonObject d && d.get("synthetic") == JsonValue.TRUE;
  }

  /** A text value from a track's metrics, empty when absent. */
  public String text(Track t, String key) {
    JsonObject o = tracks.get(t);
    return o != null && o.get(key) instanceof jakarta.json.JsonString s ? s.getString() : "";
  }

  /** The sha256 of the track's data file, as recorded in run.json or the score provenance, if any. */
  public Optional<String> dataSha256(Track t) {
    if (provenance.get("dataset") instanceof JsonObject d && d.get("sha256") instanceof JsonObject sha
        && sha.get(t.folder()) instanceof jakarta.json.JsonString s) {
      return Optional.of(s.getString());
    }
    return Optional.empty();
  }

  /** Whether both runs record the same data file for {@code t} (false when they differ; true when either is silent). */
  public boolean sameData(RunSummary other, Track t) {
    Optional<String> da = dataSha256(t);
    Optional<String> db = other.dataSha256(t);
    return da.isEmpty() || db.isEmpty() || da.equals(db);
  }

  /**
   * Why this run's {@code t} result cannot be compared with {@code other}'s, or empty when it can:
   * both must report the same metric (a judged score is not a fallback F1), in the same mode, with
   * the same judge, on the same data file. Each reason names both sides.
   */
  public List<String> incomparability(RunSummary other, Track t) {
    List<String> why = new java.util.ArrayList<>();
    Optional<String> ka = primaryKey(t);
    Optional<String> kb = other.primaryKey(t);
    if (ka.isEmpty() || kb.isEmpty()) {
      why.add("only one run has the " + t.folder() + " track");
      return why;
    }
    if (!ka.equals(kb)) {
      why.add("run A reports " + describe(ka.get()) + ", run B " + describe(kb.get()));
    }
    if (!mode.equals(other.mode)) {
      why.add("run A was scored in " + mode + " mode, run B in " + other.mode + " mode");
    }
    if (!judge.equals(other.judge)) {
      why.add("run A was judged by " + judge + ", run B by " + other.judge);
    }
    Optional<String> da = dataSha256(t);
    Optional<String> db = other.dataSha256(t);
    if (da.isPresent() && db.isPresent() && !da.equals(db)) {
      why.add("the runs used different " + t.folder() + " data (sha256 " + da.get().substring(0, 12) + "... vs "
          + db.get().substring(0, 12) + "...)");
    } else if (da.isEmpty() != db.isEmpty()) {
      why.add("only one run records which " + t.folder() + " data it used");
    }
    return why;
  }

  private static String describe(String key) {
    return key.endsWith("_judge_score") ? "a judged score (" + key + ")"
        : "the no-judge fallback (" + key + ")";
  }

  /** The headline value on a 0-1 scale (diagnosis F1 divided by 100), NaN when absent. */
  public double unitValue(Track t) {
    return primaryKey(t).map(k -> number(t, k) / (k.equals("diagnosis_f1") ? 100 : 1)).orElse(Double.NaN);
  }

  /** The 95 % interval of the headline value on a 0-1 scale, or NaNs. */
  public double[] unitInterval(Track t) {
    Optional<String> k = primaryKey(t);
    if (k.isEmpty() || !(tracks.get(t).get(k.get() + "_ci95") instanceof jakarta.json.JsonArray a) || a.size() != 2
        || !(a.get(0) instanceof JsonNumber lo) || !(a.get(1) instanceof JsonNumber hi)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double scale = k.get().equals("diagnosis_f1") ? 100 : 1;
    return new double[] {lo.doubleValue() / scale, hi.doubleValue() / scale};
  }
}
