package org.mmrarebench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The comparator for reading a release: a JVM that reads every byte of the track files and the
 * image files under a release root sequentially and does nothing with them. Time it like
 * {@code stats}: {@code time java -cp mmrare-benchmarks/target/benchmarks.jar
 * org.mmrarebench.benchmarks.SequentialRead /tmp/fx}.
 */
public final class SequentialRead {
  private SequentialRead() {}

  /** Reads everything under {@code args[0]} and prints the byte count. */
  public static void main(String[] args) throws IOException {
    byte[] buf = new byte[1 << 22];
    long n = 0;
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        int k;
        while ((k = in.readNBytes(buf, 0, buf.length)) > 0) {
          n += k;
        }
      }
    }
    System.out.println(n + " bytes in " + files.size() + " files");
  }
}
