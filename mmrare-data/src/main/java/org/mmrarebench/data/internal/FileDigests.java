package org.mmrarebench.data.internal;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The sha256 of a file, remembered across processes by what identifies a file's content without
 * reading it, as git's index does: device, inode, size, modification time and change time, to the
 * nanosecond, plus the real path. Any write changes the change time, which tools cannot set
 * ({@code touch -d} sets the modification time only). A file changed within the last
 * {@linkplain #SETTLE two seconds} is hashed every time and never remembered: timestamps are
 * coarser than a clock tick, so a second write in the same tick could otherwise look unchanged
 * (git's "racy clean" rule). Entries live in {@code <cache>/sha256/}; a damaged or missing entry is
 * a miss, and an unwritable cache only means hashing each time. Where the file system does not
 * report inodes and change times (Windows), every call hashes. Not API.
 */
public final class FileDigests {
  /** How old a file's last change must be before its digest is remembered. */
  static final Duration SETTLE = Duration.ofSeconds(2);

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final FileDigests DEFAULT = new FileDigests(() -> CacheDir.base().resolve("sha256"),
      Clock.systemUTC());

  private final java.util.function.Supplier<Path> dir;
  private final Clock clock;

  FileDigests(java.util.function.Supplier<Path> dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** The sha256 (lower-case hex) of {@code file}'s bytes, from the cache when the file is unchanged. */
  public static String sha256(Path file) throws IOException {
    return DEFAULT.digest(file);
  }

  /** The sha256 of {@code file}'s bytes, read now: for checks that must not trust any record. */
  public static String sha256Read(Path file) throws IOException {
    return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
  }

  String digest(Path file) throws IOException {
    Optional<String> key = identity(file);
    Path entry = key.map(k -> dir.get().resolve(k.substring(0, 2)).resolve(k.substring(2))).orElse(null);
    // a small regular file only: anything else planted there (a FIFO would block) is a miss
    if (entry != null && Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        if (Files.size(entry) > 128) {
          throw new IOException("not an entry");
        }
        String cached = Files.readString(entry, StandardCharsets.US_ASCII).strip();
        if (HEX64.matcher(cached).matches()) {
          return cached;
        }
      } catch (IOException | RuntimeException e) {
        // a miss: no entry yet, or a damaged one (it is rewritten below)
      }
    }
    String sha = sha256Read(file);
    // remember only a file that did not change while it was read
    if (entry != null && identity(file).equals(key)) {
      remember(entry, sha);
    }
    return sha;
  }

  /**
   * The cache key of the file's current state, or empty when it may not be remembered: changed
   * within {@link #SETTLE}, or a file system without inodes and change times.
   */
  private Optional<String> identity(Path file) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty();
    }
    long mtime = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
    long ctime = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
    long settled = TimeUnit.MILLISECONDS.toNanos(clock.millis()) - SETTLE.toNanos();
    if (ctime > settled || mtime > settled) {
      return Optional.empty();
    }
    String id = file.toRealPath() + "\0" + a.get("dev") + "\0" + a.get("ino") + "\0" + a.get("size") + "\0" + mtime
        + "\0" + ctime;
    return Optional.of(Hashing.sha256().hashString(id, StandardCharsets.UTF_8).toString().substring(0, 40));
  }

  private static void remember(Path entry, String sha) {
    try {
      Files.createDirectories(entry.getParent());
      Path tmp = entry.resolveSibling("." + entry.getFileName() + "." + ProcessHandle.current().pid() + "."
          + Thread.currentThread().getId() + ".tmp");
      Files.writeString(tmp, sha + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // an unwritable cache: the digest is simply computed again next time
    }
  }
}
