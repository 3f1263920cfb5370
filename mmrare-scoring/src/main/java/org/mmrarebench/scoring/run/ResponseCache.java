package org.mmrarebench.scoring.run;

import com.google.common.hash.Hashing;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.internal.AtomicFiles;
import org.mmrarebench.scoring.internal.JsonFiles;
import org.mmrarebench.scoring.internal.JsonP;

/**
 * A directory of cached responses, shareable between runs, processes and users: one small JSON file
 * per key (the sha256 of the key text), written to a temporary name and moved into place, so readers
 * never see half a file; files respect the process umask. Callers never store empty or failed
 * responses. A damaged entry ({@code {}}, a wrong type, unreadable bytes) is a miss and is
 * overwritten. A cache that cannot be written is reported once and then bypassed: the run goes on
 * uncached.
 */
public final class ResponseCache {
  private final Path dir;
  private final Consumer<String> warnings;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicBoolean writable = new AtomicBoolean(true);

  /** A cache rooted at {@code dir} (created on first write); warnings go to stderr. */
  public ResponseCache(Path dir) {
    this(dir, w -> System.err.println("mmrare WARNING: " + w));
  }

  /** A cache rooted at {@code dir} whose warnings (an unwritable directory) go to {@code warnings}. */
  public ResponseCache(Path dir, Consumer<String> warnings) {
    this.dir = dir;
    this.warnings = warnings;
  }

  /** The sha256 of a key text, which names its file. */
  public static String keyHash(String key) {
    return Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString();
  }

  private Path path(String kind, String hash) {
    return dir.resolve(kind).resolve(hash.substring(0, 2)).resolve(hash + ".json");
  }

  /**
   * The non-empty text stored under {@code field} for {@code key} in {@code kind} ("model" or
   * "judge"), counting a hit or a miss. Anything else found there (no file, not JSON, not an object,
   * the field missing, null, not a string, empty) is a miss.
   */
  public Optional<String> get(String kind, String key, String field) {
    Path p = path(kind, keyHash(key));
    if (Files.isRegularFile(p)) {
      try (JsonReader r = JsonP.PROVIDER.createReader(new StringReader(Files.readString(p, StandardCharsets.UTF_8)))) {
        if (r.read() instanceof JsonObject o && o.get(field) instanceof JsonString s && !s.getString().isEmpty()) {
          hits.incrementAndGet();
          return Optional.of(s.getString());
        }
      } catch (IOException | JsonException | IllegalStateException e) {
        // a damaged entry is a miss; it will be overwritten
      }
    }
    misses.incrementAndGet();
    return Optional.empty();
  }

  /** Stores {@code {field: text}} under {@code key}; does nothing once the directory proved unwritable. */
  public void put(String kind, String key, String field, String text) {
    if (!writable.get()) {
      return;
    }
    Path p = path(kind, keyHash(key));
    JsonObject value = JsonP.PROVIDER.createObjectBuilder().add(field, text).build();
    try {
      AtomicFiles.writeStringUnswept(p, JsonFiles.line(value));
    } catch (MmrareException e) {
      if (writable.getAndSet(false)) {
        warnings.accept("the response cache " + dir + " cannot be written (" + e.getCause() + "); the run continues"
            + " without storing responses. Fix the directory's permissions or free space, or drop --cache.");
      }
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
