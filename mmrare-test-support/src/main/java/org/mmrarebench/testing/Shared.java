package org.mmrarebench.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Test data for every module. The small parity vectors live in the repository
 * ({@code mmrare-test-support/testdata}), so a plain clone verifies; the large external
 * oracles live in the workplace's read-only {@code ../shared/external} and a browser may be missing:
 * tests needing those skip with a message saying how to get them, unless the environment variable
 * {@value #REQUIRE_ALL} is {@code 1} (CI sets it), which turns every such skip into a failure.
 */
public final class Shared {
  /** The switch that makes missing external data or a missing browser fail instead of skip. */
  public static final String REQUIRE_ALL = "MMRARE_REQUIRE_ALL";

  private Shared() {}

  /** The repository root (Maven passes it to surefire; otherwise found from the working directory). */
  public static Path repoRoot() {
    String repo = System.getProperty("mmrare.repoRoot");
    Path base = (repo != null ? Path.of(repo) : Path.of("")).toAbsolutePath();
    for (Path p = base; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("mmrare-core"))) {
        return p;
      }
    }
    throw new AssertionError("cannot find the repository root (with mmrare-core/) above " + base);
  }

  /** A path under the in-repository test data: {@code parity/...}, {@code interop/...}. */
  public static Path resolve(String relative) {
    return repoRoot().resolve("mmrare-test-support/testdata").resolve(relative);
  }

  /**
   * A path under {@code ../shared/external}; skips the calling test (fails under
   * {@value #REQUIRE_ALL}=1) when it is absent.
   */
  public static Path external(String relative) {
    Path p = repoRoot().resolveSibling("shared").resolve("external").resolve(relative);
    require(Files.exists(p), "needs " + p + " (the workplace's shared/external data: place the 'shared' folder"
        + " next to the repository)");
    return p;
  }

  /**
   * Chromium or Chrome: {@code $MMRARE_CHROMIUM}, {@code $CHROME_BIN}, else chromium,
   * chromium-browser, google-chrome or google-chrome-stable on PATH; skips the calling test (fails
   * under {@value #REQUIRE_ALL}=1) when there is none.
   */
  public static Path chromium() {
    Optional<Path> found = findChromium();
    require(found.isPresent(), "needs Chromium or Chrome (apt-get install chromium, or set MMRARE_CHROMIUM to"
        + " the browser's path)");
    return found.get();
  }

  static Optional<Path> findChromium() {
    for (String var : List.of("MMRARE_CHROMIUM", "CHROME_BIN")) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank() && Files.isExecutable(Path.of(v.strip()))) {
        return Optional.of(Path.of(v.strip()));
      }
    }
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static void require(boolean present, String message) {
    if (!present) {
      if ("1".equals(System.getenv(REQUIRE_ALL))) {
        fail(message + "; " + REQUIRE_ALL + "=1 makes this a failure");
      }
      System.err.println("[mmrare] SKIPPED: this test " + message + ".");
      assumeTrue(false, "skipped: this test " + message);
    }
  }
}
