package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Generation settings recorded with every result.
 *
 * @param temperature sampling temperature, empty for the model's default
 * @param maxTokens completion token limit, empty for the model's default
 * @param seed sampling seed, empty for none
 */
public record GenerationSettings(OptionalDouble temperature, OptionalInt maxTokens, OptionalLong seed) {
  /** Validates ranges. */
  public GenerationSettings {
    checkNotNull(temperature, "temperature");
    checkNotNull(maxTokens, "maxTokens");
    checkNotNull(seed, "seed");
    checkArgument(temperature.isEmpty() || temperature.getAsDouble() >= 0, "temperature must be >= 0, was %s",
        temperature);
    checkArgument(maxTokens.isEmpty() || maxTokens.getAsInt() >= 1, "maxTokens must be >= 1, was %s", maxTokens);
  }

  /** The model's defaults for everything. */
  public static GenerationSettings defaults() {
    return new GenerationSettings(OptionalDouble.empty(), OptionalInt.empty(), OptionalLong.empty());
  }

  /** A copy with this temperature. */
  public GenerationSettings withTemperature(double t) {
    return new GenerationSettings(OptionalDouble.of(t), maxTokens, seed);
  }

  /** A copy with this token limit. */
  public GenerationSettings withMaxTokens(int n) {
    return new GenerationSettings(temperature, OptionalInt.of(n), seed);
  }

  /** A copy with this seed. */
  public GenerationSettings withSeed(long s) {
    return new GenerationSettings(temperature, maxTokens, OptionalLong.of(s));
  }
}
