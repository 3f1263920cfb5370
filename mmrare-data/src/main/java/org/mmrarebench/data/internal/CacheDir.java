package org.mmrarebench.data.internal;

import java.nio.file.Path;

/**
 * mmrare's per-user cache folder: {@code -Dmmrare.cache}, else {@code $MMRARE_CACHE}, else
 * {@code $XDG_CACHE_HOME/mmrare}, else {@code ~/.cache/mmrare} (the launcher {@code bin/mmrare}
 * resolves the same folder). It holds the extracted embedded sample and remembered file digests;
 * deleting it at any time is safe. Not API.
 */
public final class CacheDir {
  private CacheDir() {}

  /** The folder (it may not exist yet). */
  public static Path base() {
    String prop = System.getProperty("mmrare.cache");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("MMRARE_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "mmrare");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "mmrare");
  }
}
