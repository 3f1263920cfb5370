package org.mmrarebench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Track;

/**
 * The embedded synthetic sample: a small release (all four tracks, base64 and path images) shipped
 * as class-path resources. It is synthetic - written for real Orphanet diseases, but no case is a
 * real patient - and is for trying the library, not for measuring models.
 *
 * <p>The resources are copied once into a content-addressed folder,
 * {@code <cache>/sample-<sha256 prefix>} (the cache is {@code -Dmmrare.cache}, {@code $MMRARE_CACHE},
 * {@code $XDG_CACHE_HOME/mmrare} or {@code ~/.cache/mmrare}), so that the sample is read by exactly
 * the same code as a downloaded release, every JVM reuses the same folder (no temporary copies
 * left behind) and results record a stable path. Only when no cache folder can be written is a
 * temporary copy made, and removed at exit.
 */
public final class EmbeddedSample {
  private static final String BASE = "/org/mmrarebench/data/sample/";
  private static volatile Path extracted;

  private EmbeddedSample() {}

  /** The sample, read strictly. */
  public static Benchmark load() {
    return ReleaseReader.strict()
        .read(root(), List.of(Track.values()), true, "embedded synthetic sample (not clinical data), sha256 "
            + sha256().substring(0, 16), true)
        .benchmark();
  }

  /** The folder the sample was extracted to, laid out like a release. */
  public static synchronized Path root() {
    if (extracted == null) {
      extracted = extract();
      // the bytes are on disk now, if they were read at all
      contents = null;
    }
    return extracted;
  }

  /**
   * The sha256 over the sample's files (names and bytes, in manifest order): its identity. It is
   * recorded in the {@code SHA256} resource, so that a run finds its extracted copy without reading
   * the sample's 5 MB from the jar and hashing them (a tenth of a second per command); extraction
   * checks the bytes against it, and a test checks the record against the files.
   */
  public static String sha256() {
    String s = recorded;
    if (s == null) {
      try (InputStream in = EmbeddedSample.class.getResourceAsStream(BASE + "SHA256")) {
        s = in == null ? computedSha256() : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      } catch (IOException e) {
        s = computedSha256();
      }
      recorded = s;
    }
    return s;
  }

  /** The sha256 computed from the sample's resources (what {@link #sha256()} records). */
  static String computedSha256() {
    return contents().sha256();
  }

  private static volatile String recorded;

  private record Contents(List<String> names, List<byte[]> bytes, String sha256) {}

  private static volatile Contents contents;

  private static Contents contents() {
    Contents c = contents;
    if (c != null) {
      return c;
    }
    try (InputStream manifest = EmbeddedSample.class.getResourceAsStream(BASE + "MANIFEST.txt")) {
      if (manifest == null) {
        throw new MmrareException("The embedded sample is missing from the class path (" + BASE
            + "MANIFEST.txt); use an mmrare-data jar built from the release.");
      }
      List<String> names = new BufferedReader(new InputStreamReader(manifest, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(x -> !x.isEmpty()).toList();
      List<byte[]> bytes = new java.util.ArrayList<>();
      com.google.common.hash.Hasher h = com.google.common.hash.Hashing.sha256().newHasher();
      for (String name : names) {
        try (InputStream in = EmbeddedSample.class.getResourceAsStream(BASE + name)) {
          if (in == null) {
            throw new MmrareException("Sample resource " + BASE + name + " is listed in MANIFEST.txt but missing.");
          }
          byte[] b = in.readAllBytes();
          bytes.add(b);
          h.putString(name, StandardCharsets.UTF_8).putByte((byte) 0).putLong(b.length).putBytes(b);
        }
      }
      c = new Contents(names, bytes, h.hash().toString());
      contents = c;
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded sample", e);
    }
  }

  private static Path extract() {
    Path dir = org.mmrarebench.data.internal.CacheDir.base().resolve("sample-" + sha256().substring(0, 16))
        .toAbsolutePath();
    if (Files.isRegularFile(dir.resolve(".complete"))) {
      return dir;
    }
    Contents c = contents();
    if (!c.sha256().equals(sha256())) {
      throw new MmrareException("The embedded sample's files hash to " + c.sha256() + ", not to the recorded "
          + sha256() + ": the jar is damaged or was built from changed sample files. Rebuild it.");
    }
    try {
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), ".sample-");
      try {
        write(c, tmp);
        Files.writeString(tmp.resolve(".complete"), c.sha256() + "\n");
        try {
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
          // another JVM finished first (the target exists now): use its copy, drop ours
          if (!Files.isRegularFile(dir.resolve(".complete"))) {
            throw raced;
          }
        }
      } finally {
        if (Files.exists(tmp)) {
          deleteQuietly(tmp);
        }
      }
      return dir;
    } catch (IOException | MmrareException e) {
      // No writable cache (a read-only home, a sandbox): a temporary copy, removed at exit.
      try {
        Path t = Files.createTempDirectory("mmrare-sample-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(t)));
        write(c, t);
        return t;
      } catch (IOException e2) {
        throw new UncheckedIOException("cannot extract the embedded sample (cache " + dir + ": " + e + ")", e2);
      }
    }
  }

  private static void write(Contents c, Path dir) throws IOException {
    for (int i = 0; i < c.names().size(); i++) {
      Path target = dir.resolve(c.names().get(i)).normalize();
      if (!target.startsWith(dir)) {
        throw new MmrareException("Sample manifest entry '" + c.names().get(i) + "' leaves the sample folder.");
      }
      Files.createDirectories(target.getParent());
      Files.write(target, c.bytes().get(i));
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort at exit
    }
  }
}
