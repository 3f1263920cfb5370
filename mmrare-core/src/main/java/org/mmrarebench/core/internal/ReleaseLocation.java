package org.mmrarebench.core.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where VLMEvalKit keeps MMRareBench: {@code $LMUData/MMrarebench}, LMUData defaulting to
 * {@code ~/LMUData}. One place, so that {@code mmrare download} fills the folder that
 * {@code Benchmark.load()} then reads.
 */
public final class ReleaseLocation {
  private ReleaseLocation() {}

  /** The release folder for this {@code LMUData} value (unset or blank: the default) and home. */
  public static Path lmuData(@Nullable String lmuData, String userHome) {
    Path lmu = lmuData != null && !lmuData.isBlank() ? Path.of(lmuData) : Path.of(userHome, "LMUData");
    return lmu.resolve("MMrarebench");
  }
}
