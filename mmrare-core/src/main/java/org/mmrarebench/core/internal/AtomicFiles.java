package org.mmrarebench.core.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.mmrarebench.core.MmrareException;

/**
 * Writes a file so that readers see the old content or the whole new content, never a part: the
 * text goes to a temporary sibling, is forced to disk and renamed over the target. A failure (a full
 * disk, an exception in the body) deletes the temporary file and leaves the previous file as it
 * was. Files are created with {@code CREATE_NEW} and default attributes, so they respect the
 * process umask ({@code Files.createTempFile} would make them 0600, which breaks a cache shared
 * between users).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** A temporary file older than this is a leftover of a killed writer, not a live one's. */
  private static final long STALE_MILLIS = 10 * 60 * 1000L;

  /**
   * Removes temporary siblings of {@code name} that a writer killed outright (SIGKILL, power loss)
   * left behind; fresh ones may belong to a live writer and are kept.
   */
  private static void sweep(Path dir, String name) {
    String prefix = "." + name + ".";
    long now = System.currentTimeMillis();
    try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".tmp");
    })) {
      for (Path p : ds) {
        try {
          if (now - Files.getLastModifiedTime(p).toMillis() > STALE_MILLIS) {
            Files.deleteIfExists(p);
          }
        } catch (IOException ignored) {
          // another process may be sweeping too
        }
      }
    } catch (IOException ignored) {
      // sweeping is a courtesy; the write itself succeeded
    }
  }

  /** Writes text into a {@link Writer}. */
  @FunctionalInterface
  public interface Body {
    /** Writes the content. */
    void write(Writer w) throws IOException;
  }

  /** Replaces {@code file} with {@code text} (UTF-8). */
  public static void writeString(Path file, String text) {
    write(file, w -> w.write(text));
  }

  /**
   * Like {@link #writeString} without sweeping old temporary files: for many small files in large
   * directories (cache entries), where listing the directory on every write would cost more than a
   * rare leftover.
   */
  public static void writeStringUnswept(Path file, String text) {
    write(file, w -> w.write(text), false);
  }

  /**
   * Replaces {@code file} with what {@code body} writes (UTF-8).
   *
   * @throws MmrareException naming the file when it cannot be written
   */
  public static void write(Path file, Body body) {
    write(file, body, true);
  }

  private static void write(Path file, Body body, boolean sweep) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + ".tmp");
    boolean done = false;
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        // buffered: results files are written in many small pieces. A lone surrogate (text from a
        // model can hold one) becomes '?' instead of failing the whole write; JSON writers escape it first.
        Writer w = new java.io.BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE), -1), 1 << 16);
        body.write(w);
        w.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      if (sweep) {
        sweep(dir, file.getFileName().toString());
      }
    } catch (IOException e) {
      throw new MmrareException("Cannot write " + file + ": " + e + ". The previous file, if any, is unchanged;"
          + " free some space or choose another directory, then run again.", e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary name starts with a dot and ends with .tmp
        }
      }
    }
  }
}
