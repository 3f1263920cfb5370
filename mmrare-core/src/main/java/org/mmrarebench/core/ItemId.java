package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Identifies an item across the benchmark: its track and its {@code index} value (always text,
 * as the reference handles it).
 */
public record ItemId(Track track, String index) implements Comparable<ItemId> {
  /** Validates both parts. */
  public ItemId {
    checkNotNull(track, "track");
    checkNotNull(index, "index");
  }

  /** The id of {@code index} in {@code track}. */
  public static ItemId of(Track track, String index) {
    return new ItemId(track, index);
  }

  @Override
  public int compareTo(ItemId o) {
    int c = track.compareTo(o.track);
    return c != 0 ? c : index.compareTo(o.index);
  }

  /** {@code diagnosis/12}. */
  @Override
  public String toString() {
    return track.folder() + "/" + index;
  }
}
