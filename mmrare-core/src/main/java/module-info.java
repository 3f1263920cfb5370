/**
 * mmrare's domain types: tracks, typed items, images, ORPHA codes, prompts, the immutable
 * {@code Benchmark} and the model adapter SPI. {@code org.mmrarebench.core.internal} is exported to
 * mmrare's own modules only (mmrare-scoring and the command line are automatic modules named in
 * their manifests).
 */
module org.mmrarebench.core {
  requires transitive com.google.common;
  // annotations on public signatures: needed to compile against mmrare, never at run time
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;

  exports org.mmrarebench.core;
  exports org.mmrarebench.core.spi;
  exports org.mmrarebench.core.internal to org.mmrarebench.data, org.mmrarebench.scoring,
      org.mmrarebench.examples;

  uses org.mmrarebench.core.spi.BenchmarkSource;
}
