package org.mmrarebench.scoring.run;

import org.mmrarebench.scoring.internal.JsonP;
import com.google.common.hash.Hashing;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.scoring.ResultsJson;

/**
 * A directory of cached responses, shareable between runs and processes: one small JSON file per
 * key (the sha256 of the key text), written to a temporary name and moved into place, so readers
 * never see half a file. Callers never store empty or failed responses.
 */
public final class ResponseCache {
  private final Path dir;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /** A cache rooted at {@code dir} (created on first write). */
  public ResponseCache(Path dir) {
    this.dir = dir;
  }

  /** The sha256 of a key text, which names its file. */
  public static String keyHash(String key) {
    return Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString();
  }

  private Path path(String kind, String hash) {
    return dir.resolve(kind).resolve(hash.substring(0, 2)).resolve(hash + ".json");
  }

  /** The cached value for {@code key} in {@code kind} ("model" or "judge"), counting a hit or a miss. */
  public Optional<JsonObject> get(String kind, String key) {
    Path p = path(kind, keyHash(key));
    if (Files.isRegularFile(p)) {
      try (JsonReader r = JsonP.PROVIDER.createReader(new StringReader(Files.readString(p, StandardCharsets.UTF_8)))) {
        JsonObject o = r.readObject();
        hits.incrementAndGet();
        return Optional.of(o);
      } catch (IOException | JsonException e) {
        // a damaged entry is a miss; it will be overwritten
      }
    }
    misses.incrementAndGet();
    return Optional.empty();
  }

  /** Stores a value. */
  public void put(String kind, String key, JsonObject value) {
    Path p = path(kind, keyHash(key));
    try {
      Files.createDirectories(p.getParent());
      Path tmp = Files.createTempFile(p.getParent(), ".entry", ".tmp");
      Files.writeString(tmp, ResultsJson.line(value), StandardCharsets.UTF_8);
      Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new MmrareException("Cannot write to the response cache " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Lookups that found an entry. */
  public long hits() {
    return hits.get();
  }

  /** Lookups that found none. */
  public long misses() {
    return misses.get();
  }
}
