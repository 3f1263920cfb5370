package org.mmrarebench.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remembered digests are never stale: every way of changing a file changes its digest. */
class FileDigestsTest {
  @TempDir Path dir;

  private static String truth(Path f) throws IOException {
    return Hashing.sha256().hashBytes(Files.readAllBytes(f)).toString();
  }

  /** A clock an hour ahead, so that files written now count as settled. */
  private FileDigests later(Path cache) {
    return new FileDigests(() -> cache, Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC));
  }

  private static List<Path> entries(Path cache) throws IOException {
    if (!Files.exists(cache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aFileChangedJustNowIsHashedEveryTimeAndNeverRemembered() throws IOException {
    Path cache = dir.resolve("cache");
    Path f = Files.writeString(dir.resolve("t.tsv"), "abc");
    FileDigests d = new FileDigests(() -> cache, Clock.systemUTC());
    assertEquals(truth(f), d.digest(f));
    assertEquals(List.of(), entries(cache));
    // a second write in the same clock tick, same size: still the new digest
    Files.writeString(f, "abd");
    assertEquals(truth(f), d.digest(f));
  }

  @Test
  void aSettledFileIsRememberedAndEveryChangeIsSeen() throws Exception {
    Path cache = dir.resolve("cache");
    Path f = Files.writeString(dir.resolve("t.tsv"), "abc");
    FileDigests d = later(cache);
    assertEquals(truth(f), d.digest(f));
    assertEquals(1, entries(cache).size());
    assertEquals(truth(f), d.digest(f));

    // the same size, and the modification time put back: the change time still differs
    FileTime mtime = Files.getLastModifiedTime(f);
    Thread.sleep(20);
    Files.writeString(f, "xyz");
    Files.setLastModifiedTime(f, mtime);
    assertEquals(truth(f), d.digest(f));
    assertEquals("xyz", Files.readString(f));

    // replaced by another file under the same name (another inode)
    Path other = Files.writeString(dir.resolve("o.tsv"), "other");
    Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(truth(f), d.digest(f));
  }

  @Test
  void aDamagedOrPlantedEntryIsAMiss() throws IOException {
    Path cache = dir.resolve("cache");
    Path f = Files.writeString(dir.resolve("t.tsv"), "abc");
    FileDigests d = later(cache);
    d.digest(f);
    Path entry = entries(cache).get(0);
    Files.writeString(entry, "not a digest");
    assertEquals(truth(f), d.digest(f));
    assertEquals(truth(f), Files.readString(entry, StandardCharsets.US_ASCII).strip(), "the entry is rewritten");
    // a large file (not one of ours) is not read, even when it strips to a digest
    Files.writeString(entry, "0".repeat(64) + " ".repeat(1000));
    assertEquals(truth(f), d.digest(f));
    Files.delete(entry);
    Files.createDirectory(entry);
    assertEquals(truth(f), d.digest(f));
  }

  @Test
  void anUnwritableCacheOnlyMeansHashingEachTime() throws IOException {
    Path blocker = Files.writeString(dir.resolve("cache"), "a file where the cache folder should be");
    Path f = Files.writeString(dir.resolve("t.tsv"), "abc");
    FileDigests d = later(blocker.resolve("sha256"));
    assertEquals(truth(f), d.digest(f));
    assertEquals(truth(f), d.digest(f));
    assertTrue(Files.isRegularFile(blocker));
    assertFalse(Files.isDirectory(blocker));
  }
}
