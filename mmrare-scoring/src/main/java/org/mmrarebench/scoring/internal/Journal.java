package org.mmrarebench.scoring.internal;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmrarebench.core.MmrareException;

/**
 * The append-only {@code journal.jsonl} of a run: one JSON line per finished generation and per
 * judge reply, written and forced to disk before the work counts as done. Opening a journal drops
 * a torn last line (a crash mid-write) by truncating the file after its last complete line, and
 * skips (but keeps) a complete line that is not JSON, so a run killed at any moment resumes with
 * every finished record and nothing half-written.
 */
public final class Journal implements AutoCloseable {
  private final Path file;
  private final RandomAccessFile channel;
  private final List<JsonObject> records;
  private final List<Integer> lines;
  private final int dropped;

  private Journal(Path file, RandomAccessFile channel, List<JsonObject> records, List<Integer> lines, int dropped) {
    this.file = file;
    this.channel = channel;
    this.records = records;
    this.lines = lines;
    this.dropped = dropped;
  }

  /** Opens (creating if needed) the journal, reading its complete records. */
  public static Journal open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      List<JsonObject> records = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      int lineNo = 0;
      long good = 0;
      int dropped = 0;
      if (Files.exists(file)) {
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i < all.length; i++) {
          if (all[i] == '\n') {
            lineNo++;
            String line = new String(all, start, i - start, StandardCharsets.UTF_8);
            JsonObject o = parse(line);
            if (line.isBlank()) {
              // nothing to keep or report
            } else if (o == null) {
              // A complete but damaged line (outside interference): skip it, keep everything after it.
              dropped++;
            } else {
              records.add(o);
              lines.add(lineNo);
            }
            good = i + 1;
            start = i + 1;
          }
        }
        if (good < all.length) {
          dropped++; // a torn last line from a crash mid-write: truncated below
        }
      }
      // RandomAccessFile, not FileChannel: an interrupted writer thread (the runner cancelling work)
      // must not close the journal under every other thread, losing records already paid for.
      RandomAccessFile ch = new RandomAccessFile(file.toFile(), "rw");
      ch.setLength(good);
      ch.seek(good);
      return new Journal(file, ch, records, lines, dropped);
    } catch (IOException e) {
      throw new MmrareException("Cannot open the run journal " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonObject parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      return JsonFiles.objectLine(line);
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  /** The complete records found when the journal was opened, in order. */
  public List<JsonObject> records() {
    return List.copyOf(records);
  }

  /** The 1-based line number of record {@code i} of {@link #records()}. */
  public int lineOf(int i) {
    return lines.get(i);
  }

  /** How many torn or damaged trailing lines were dropped on open (0 or 1 in practice). */
  public int dropped() {
    return dropped;
  }

  private long written;
  private long forced;
  private final Object forceLock = new Object();

  /**
   * Appends one record and forces it to disk; only then may the caller count the work as done.
   * Concurrent appends share one force (group commit): a thread whose record an earlier force
   * already covered returns without forcing again.
   */
  public void append(JsonObject record) {
    append(record, true);
  }

  /**
   * Appends one record; forces it to disk only when {@code durable}. Records of free work (a cache
   * hit) need not be durable: losing one in a crash costs a cache read, not a paid call. The file is
   * forced on {@link #close()} in any case.
   */
  public void append(JsonObject record, boolean durable) {
    byte[] line = (JsonFiles.line(record) + "\n").getBytes(StandardCharsets.UTF_8);
    long mine;
    try {
      synchronized (this) {
        channel.write(line);
        written += line.length;
        mine = written;
      }
      if (!durable) {
        return;
      }
      synchronized (forceLock) {
        if (forced < mine) {
          long upTo;
          synchronized (this) {
            upTo = written;
          }
          channel.getFD().sync();
          forced = upTo;
        }
      }
    } catch (IOException e) {
      throw new MmrareException("Cannot append to the run journal " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.getFD().sync();
      channel.close();
    } catch (IOException e) {
      throw new MmrareException("Cannot close the run journal " + file + ": " + e.getMessage(), e);
    }
  }
}
