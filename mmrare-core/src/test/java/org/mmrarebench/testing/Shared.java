package org.mmrarebench.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the workplace's read-only {@code ../shared} folder (parity vectors, external data) for tests. */
public final class Shared {
  private Shared() {}

  /** The shared folder; fails the test with a clear message when it is not next to the repository. */
  public static Path root() {
    String repo = System.getProperty("mmrare.repoRoot");
    Path base = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath();
    for (Path p = base.toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("parity"))) {
        return candidate;
      }
    }
    throw new AssertionError("../shared (with parity/) was not found next to the repository " + base
        + "; tests need it there, as CI provides it.");
  }

  /** A path under the shared folder. */
  public static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** Skips the calling test when the optional path is absent. */
  public static Path optional(String relative) {
    Path p = root().resolve(relative);
    assumeTrue(Files.exists(p), relative + " is not present");
    return p;
  }
}
