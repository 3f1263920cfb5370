package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a benchmark's items came from, and its fingerprint: the sha256 of each track file,
 * computed when first asked for (hashing a full release takes seconds).
 */
public final class DatasetInfo {
  private final String description;
  private final Optional<String> root;
  private final boolean synthetic;
  private final Supplier<Map<Track, String>> fileSha256;

  /**
   * @param description human-readable origin, for example {@code release at /data/MMrarebench}
   * @param root the release root, when read from disk
   * @param synthetic true for the embedded sample and generated fixtures
   * @param fileSha256 supplies the sha256 of each track file present (memoised by the caller)
   */
  public DatasetInfo(String description, Optional<String> root, boolean synthetic,
      Supplier<Map<Track, String>> fileSha256) {
    this.description = checkNotNull(description, "description");
    this.root = checkNotNull(root, "root");
    this.synthetic = synthetic;
    this.fileSha256 = checkNotNull(fileSha256, "fileSha256");
  }

  /** An in-memory benchmark with no files behind it. */
  public static DatasetInfo inMemory(String description) {
    return new DatasetInfo(description, Optional.empty(), false, Map::of);
  }

  /** Human-readable origin. */
  public String description() {
    return description;
  }

  /** The release root directory, when the items were read from disk. */
  public Optional<String> root() {
    return root;
  }

  /** Whether the data is synthetic (the embedded sample or a fixture), not clinical. */
  public boolean synthetic() {
    return synthetic;
  }

  /** sha256 of each track's TSV file, keyed by track. */
  public Map<Track, String> fileSha256() {
    return ImmutableMap.copyOf(fileSha256.get());
  }

  @Override
  public String toString() {
    return description;
  }
}
