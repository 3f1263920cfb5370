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
 * <p>The resources are copied once per JVM into a temporary folder (removed at exit), so that the
 * sample is read by exactly the same code as a downloaded release.
 */
public final class EmbeddedSample {
  private static final String BASE = "/org/mmrarebench/data/sample/";
  private static volatile Path extracted;

  private EmbeddedSample() {}

  /** The sample, read strictly. */
  public static Benchmark load() {
    return ReleaseReader.strict()
        .read(root(), List.of(Track.values()), true, "embedded synthetic sample (not clinical data)", true)
        .benchmark();
  }

  /** The folder the sample was extracted to, laid out like a release. */
  public static synchronized Path root() {
    if (extracted == null) {
      extracted = extract();
    }
    return extracted;
  }

  private static Path extract() {
    try (InputStream manifest = EmbeddedSample.class.getResourceAsStream(BASE + "MANIFEST.txt")) {
      if (manifest == null) {
        throw new MmrareException("The embedded sample is missing from the class path (" + BASE
            + "MANIFEST.txt); use an mmrare-data jar built from the release.");
      }
      Path dir = Files.createTempDirectory("mmrare-sample-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
      List<String> names = new BufferedReader(new InputStreamReader(manifest, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(s -> !s.isEmpty()).toList();
      for (String name : names) {
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir)) {
          throw new MmrareException("Sample manifest entry '" + name + "' leaves the sample folder.");
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = EmbeddedSample.class.getResourceAsStream(BASE + name)) {
          if (in == null) {
            throw new MmrareException("Sample resource " + BASE + name + " is listed in MANIFEST.txt but missing.");
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the embedded sample", e);
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
