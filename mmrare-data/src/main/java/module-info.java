/**
 * Reading MMRareBench releases and predictions, the embedded sample, the bundled Orphanet ontology,
 * audits, statistics and the release download. {@code org.mmrarebench.data.internal} is exported
 * to mmrare-scoring only.
 */
module org.mmrarebench.data {
  requires transitive org.mmrarebench.core;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;
  requires java.xml;
  requires static transitive org.jspecify;

  exports org.mmrarebench.data;
  exports org.mmrarebench.data.audit;
  exports org.mmrarebench.data.baseline;
  exports org.mmrarebench.data.download;
  exports org.mmrarebench.data.orphanet;
  exports org.mmrarebench.data.internal to org.mmrarebench.scoring;

  provides org.mmrarebench.core.spi.BenchmarkSource with org.mmrarebench.data.ReleaseBenchmarkSource;
}
